package org.voiceai.bench;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;

import com.sun.management.OperatingSystemMXBean;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Adds the benchmark JVM's CPU time per operation to each result ({@code -prof org.voiceai.bench.CpuTimeProfiler}).
 * On a shared machine other processes take CPU away from the benchmark thread, which lowers ops/s (wall clock) but
 * not the CPU time an operation costs; dividing the audio per operation by this time gives the multiple of real time
 * a whole core would sustain. It counts every thread of the JVM (JIT, GC, JMH's own), so it errs on the high side.
 */
public final class CpuTimeProfiler implements InternalProfiler {

	private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

	private long cpuAtStart;

	@Override
	public String getDescription() {
		return "CPU time of the benchmark JVM per operation";
	}

	@Override
	public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
		this.cpuAtStart = this.os.getProcessCpuTime();
	}

	@Override
	public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
			IterationParams iterationParams, IterationResult result) {
		long cpu = this.os.getProcessCpuTime() - this.cpuAtStart;
		long operations = result.getMetadata().getAllOps();
		return List.of(new ScalarResult("cpu", (double) cpu / operations, "ns/op", AggregationPolicy.AVG));
	}

}
