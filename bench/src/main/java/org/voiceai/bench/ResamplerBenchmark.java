package org.voiceai.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.voiceai.audio.Resampler;

/**
 * One stream's {@link Resampler} fed one 20 ms chunk per operation, as the realtime bridge does: operations per second
 * divided by 50 is the multiple of real time one core sustains for one stream.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ResamplerBenchmark {

	/** Input and output rate, "in-out". */
	@Param({ "8000-16000", "16000-8000", "24000-8000", "24000-16000" })
	public String rates;

	private Resampler resampler;

	private short[] chunk;

	private short[] output;

	@Setup
	public void setUp() {
		String[] pair = this.rates.split("-");
		int inputRate = Integer.parseInt(pair[0]);
		int outputRate = Integer.parseInt(pair[1]);
		this.resampler = Resampler.create(inputRate, outputRate);
		this.chunk = SpeechLikeSignal.samples(inputRate / 50, new Random(1));
		this.output = new short[outputRate / 50 + 1];
	}

	/** The convenient call: returns a new array of this chunk's output. */
	@Benchmark
	public short[] process() {
		return this.resampler.process(this.chunk);
	}

	/** The allocation-free call: writes into a reused array. */
	@Benchmark
	public short[] processInto() {
		this.resampler.process(this.chunk, 0, this.chunk.length, this.output, 0);
		return this.output;
	}

}
