package io.newsflow.benchmarks.countries;

import io.newsflow.countries.CountryTagger;
import io.newsflow.countries.TagInput;
import io.newsflow.schemas.avro.CountryTag;
import io.newsflow.benchmarks.support.CpuTime;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Country tagging throughput on one core: articles of about 2 KB (headline, dateline, body) per second.
 * One operation tags one article; the articles rotate so that branch predictors and caches see variety.
 * The score is wall-clock; on a shared machine the auxiliary counters also give the CPU time the
 * benchmark thread used per iteration ({@code cpuMicros}) and the articles it tagged ({@code articles}),
 * so articles per CPU-second = articles / cpuMicros * 1e6.
 * Run: java -cp benchmarks/target/classes:$(deps) org.openjdk.jmh.Main CountryTaggerBenchmark
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class CountryTaggerBenchmark {

    private CountryTagger tagger;
    private List<TagInput> articles;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        tagger = CountryTagger.standard();
        articles = SyntheticArticles.generate(256, 2048, 42);
    }

    @Benchmark
    public List<CountryTag> tagOneArticle(CpuTime cpu) {
        TagInput in = articles.get(next);
        next = (next + 1) & (articles.size() - 1);
        cpu.articles++;
        return tagger.tag(in);
    }
}
