package io.newsflow.benchmarks.support;

import java.util.Arrays;

/**
 * Runs another main class with {@link StackSampler} on the threads named by {@code -Dsample.threads=REGEX}, for
 * profiling a whole command (e.g. {@code newsflow bench}) where the time goes:
 * <pre>
 *   java -Dsample.threads='JettyServerThreadPool.*' -cp ... io.newsflow.benchmarks.support.SampledMain io.newsflow.cli.Main bench
 * </pre>
 */
public final class SampledMain {
    private SampledMain() {}

    public static void main(String[] args) throws Throwable {
        if (args.length < 1) throw new IllegalArgumentException("usage: SampledMain MAIN_CLASS [ARGS...]");
        String threads = System.getProperty("sample.threads", ".*");
        try (StackSampler sampler = new StackSampler(threads, 7)) {
            // a CLI whose main calls System.exit exposes run(String[]) instead: the sampler must print before exit
            Class<?> main = Class.forName(args[0]);
            String[] rest = Arrays.copyOfRange(args, 1, args.length);
            try {
                main.getMethod("run", String[].class).invoke(null, (Object) rest);
            } catch (NoSuchMethodException e) {
                main.getMethod("main", String[].class).invoke(null, (Object) rest);
            }
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
