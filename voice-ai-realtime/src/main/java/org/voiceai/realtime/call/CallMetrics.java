package org.voiceai.realtime.call;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The bridge's Prometheus metrics, tagged by domain and provider: active calls, frames each way, underruns, late
 * frames, barge-ins, first-audio latency (stream accepted → first agent frame), provider round trip (caller
 * stopped speaking → first agent audio), and the bridge's own added latency in each direction: inbound (caller frame
 * received → its audio handed to the provider connection) and outbound (provider audio delta received → converted and
 * queued for FreeSWITCH, with any frame already due handed to its socket; the time queued audio then waits for its
 * turn in real time is pacing, not added latency). The latency timers record on the audio
 * path, so they keep Micrometer's allocation-free defaults; percentiles or SLO buckets are a
 * {@code management.metrics.distribution.*} setting. A call's meters keep the provider it started on; a switch to
 * another provider mid-call counts in {@code voiceai.realtime.failovers}, tagged by domain, {@code from} and
 * {@code to}.
 */
public class CallMetrics {

	private final MeterRegistry registry;

	private final AtomicInteger active = new AtomicInteger();

	public CallMetrics(MeterRegistry registry) {
		this.registry = registry;
		registry.gauge("voiceai.realtime.calls.active", this.active);
	}

	/**
	 * A call moved from its realtime provider to another mid-call ({@code to}), or found none to move to
	 * ({@code to} is {@code none}).
	 */
	public void failover(CallContext call, String to) {
		this.registry
			.counter("voiceai.realtime.failovers", "domain", call.domain().value().toString(), "from", call.provider(),
					"to", to)
			.increment();
	}

	/** The meters of one call (looked up once, so the audio path only increments). */
	public Call call(CallContext context) {
		return new Call(context.domain().value().toString(), context.provider());
	}

	/** Counters and timers for one call's tags. */
	public final class Call {

		private final Counter framesIn;

		private final Counter framesOut;

		private final Counter bargeIns;

		private final Counter underruns;

		private final Counter lateFrames;

		private final Timer firstAudio;

		private final Timer roundTrip;

		private final Timer inbound;

		private final Timer outbound;

		Call(String domain, String provider) {
			String[] tags = { "domain", domain, "provider", provider };
			this.framesIn = CallMetrics.this.registry.counter("voiceai.realtime.frames.in", tags);
			this.framesOut = CallMetrics.this.registry.counter("voiceai.realtime.frames.out", tags);
			this.bargeIns = CallMetrics.this.registry.counter("voiceai.realtime.barge.ins", tags);
			this.underruns = CallMetrics.this.registry.counter("voiceai.realtime.underruns", tags);
			this.lateFrames = CallMetrics.this.registry.counter("voiceai.realtime.late.frames", tags);
			this.firstAudio = Timer.builder("voiceai.realtime.first.audio").tags(tags).register(CallMetrics.this.registry);
			this.roundTrip = Timer.builder("voiceai.realtime.provider.round.trip").tags(tags)
				.register(CallMetrics.this.registry);
			this.inbound = Timer.builder("voiceai.realtime.latency.inbound").tags(tags)
				.description("Caller frame received to its audio handed to the provider connection")
				.register(CallMetrics.this.registry);
			this.outbound = Timer.builder("voiceai.realtime.latency.outbound").tags(tags)
				.description("Provider audio received to converted and queued for FreeSWITCH, due frames sent")
				.register(CallMetrics.this.registry);
		}

		public void started() {
			CallMetrics.this.active.incrementAndGet();
		}

		public void ended(long underruns, long lateFrames) {
			CallMetrics.this.active.decrementAndGet();
			this.underruns.increment(underruns);
			this.lateFrames.increment(lateFrames);
		}

		public void frameIn() {
			this.framesIn.increment();
		}

		public void frameOut() {
			this.framesOut.increment();
		}

		public void bargeIn() {
			this.bargeIns.increment();
		}

		public void firstAudio(Duration sinceAccepted) {
			this.firstAudio.record(sinceAccepted);
		}

		public void roundTrip(Duration sinceCallerStopped) {
			this.roundTrip.record(sinceCallerStopped);
		}

		public void inboundLatency(long nanos) {
			this.inbound.record(nanos, TimeUnit.NANOSECONDS);
		}

		public void outboundLatency(long nanos) {
			this.outbound.record(nanos, TimeUnit.NANOSECONDS);
		}

	}

}
