package org.voiceai.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.voiceai.audio.G711;

/**
 * G.711 coding of one 20 ms frame at 8 kHz (160 samples, the PCMU/PCMA RTP payload) into reused arrays: operations per
 * second divided by 50 is the multiple of real time one core sustains.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class G711Benchmark {

	private static final int FRAME = 160;

	private final short[] samples = new short[FRAME];

	private final byte[] ulaw = new byte[FRAME];

	private final byte[] alaw = new byte[FRAME];

	private final byte[] codes = new byte[FRAME];

	@Setup
	public void setUp() {
		short[] signal = SpeechLikeSignal.samples(FRAME, new Random(2));
		System.arraycopy(signal, 0, this.samples, 0, FRAME);
		G711.encodeUlaw(this.samples, 0, FRAME, this.ulaw, 0);
		G711.encodeAlaw(this.samples, 0, FRAME, this.alaw, 0);
	}

	@Benchmark
	public byte[] ulawEncode() {
		G711.encodeUlaw(this.samples, 0, FRAME, this.codes, 0);
		return this.codes;
	}

	@Benchmark
	public short[] ulawDecode() {
		G711.decodeUlaw(this.ulaw, 0, FRAME, this.samples, 0);
		return this.samples;
	}

	@Benchmark
	public byte[] alawEncode() {
		G711.encodeAlaw(this.samples, 0, FRAME, this.codes, 0);
		return this.codes;
	}

	@Benchmark
	public short[] alawDecode() {
		G711.decodeAlaw(this.alaw, 0, FRAME, this.samples, 0);
		return this.samples;
	}

}
