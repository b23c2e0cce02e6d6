package io.newsflow.stack;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Main class of the child processes: runs the real main class given as the first argument, and exits the child
 * (through its own shutdown hooks, so the broker or registry stops cleanly) once its standard input reaches end of
 * file. The parent keeps the child's stdin open as a pipe, so when the parent dies, even by SIGKILL, the pipe closes
 * and no orphaned broker keeps holding the port and the data directory.
 *
 * <p>Uses the JDK only: it is put in front of the registry's own jar on the child's classpath.
 */
public final class ExitWithParent {

    private ExitWithParent() {}

    public static void main(String[] args) throws Throwable {
        if (args.length == 0) {
            System.err.println("usage: ExitWithParent MAIN_CLASS [ARGS...]");
            System.exit(2);
        }
        Thread watch = new Thread(ExitWithParent::exitAtEndOfInput, "exit-with-parent");
        watch.setDaemon(true);
        watch.start();
        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void exitAtEndOfInput() {
        try (InputStream in = System.in) {
            byte[] buffer = new byte[256];
            while (in.read(buffer) >= 0) {
                // the parent never writes; anything read is ignored
            }
        } catch (IOException e) {
            // a broken pipe means the same as end of input: the parent is gone
        }
        System.err.println("newsflow: standard input closed (parent stopping or gone), shutting down");
        System.exit(0);
    }
}
