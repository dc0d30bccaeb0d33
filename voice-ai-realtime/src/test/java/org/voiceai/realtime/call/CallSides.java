package org.voiceai.realtime.call;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import org.voiceai.providers.realtime.RealtimeConversation;
import org.voiceai.realtime.audio.Pacing;
import org.voiceai.realtime.config.ReturnMode;
import org.voiceai.realtime.playback.PlaybackSink;
import org.voiceai.realtime.record.CallLog;
import org.voiceai.realtime.record.CallRecorder;
import org.voiceai.realtime.tool.ToolRegistry;

/**
 * What a call session under test talks to besides its provider, each keeping what it was told: FreeSWITCH's playback
 * (frames) and call control (transfers, hang-ups), and the call's record (utterances, switches, outcome).
 */
final class CallSides {

	final List<String> recorded = new CopyOnWriteArrayList<>();

	final List<String> control = new CopyOnWriteArrayList<>();

	final List<CallOutcome> outcomes = new CopyOnWriteArrayList<>();

	final AtomicInteger frames = new AtomicInteger();

	/** Runs as each frame is handed to FreeSWITCH, under the call's lock: a test holds the lock with it. */
	volatile Runnable whilePlaying = () -> {
	};

	/**
	 * A session on these sides, with no tools, a 60 ms lead without prebuffer, synchronous record writes, a 30 s idle
	 * timeout and a 600 s maximum, on {@code clock}.
	 */
	CallSession session(CallContext call, RealtimeConversation conversation, CallMetrics metrics,
			ProviderFailover failover, LongSupplier clock) {
		return new CallSession(call, conversation, sink(), new Pacing(Duration.ofMillis(60), Duration.ZERO),
				callControl(), new ToolRegistry(List.of(), JsonMapper.builder().build(), Duration.ofSeconds(10)),
				new CallLog(recorder(), call, Schedulers.immediate()), metrics.call(call), failover,
				new CallTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(600), Duration.ofSeconds(20)), clock, () -> {
				});
	}

	private PlaybackSink sink() {
		return new PlaybackSink() {

			@Override
			public ReturnMode mode() {
				return ReturnMode.RAW;
			}

			@Override
			public void play(byte[] frame) {
				CallSides.this.frames.incrementAndGet();
				CallSides.this.whilePlaying.run();
			}

			@Override
			public void clear() {
			}

		};
	}

	private CallControl callControl() {
		return new CallControl() {

			@Override
			public Mono<Void> transfer(String number, String context) {
				return Mono.fromRunnable(() -> CallSides.this.control.add("transfer " + number));
			}

			@Override
			public Mono<Void> hangUp() {
				return Mono.fromRunnable(() -> CallSides.this.control.add("hangup"));
			}

		};
	}

	private CallRecorder recorder() {
		return new CallRecorder() {

			@Override
			public Mono<Void> started(CallContext call) {
				return Mono.empty();
			}

			@Override
			public Mono<Void> utterance(CallContext call, boolean fromCaller, String text) {
				return Mono.fromRunnable(() -> CallSides.this.recorded
					.add(call.provider() + ":" + (fromCaller ? "caller" : "agent") + ":" + text));
			}

			@Override
			public Mono<Void> providerSwitched(CallContext call, String from, String reason) {
				return Mono.fromRunnable(() -> CallSides.this.recorded
					.add(call.provider() + ":switched from " + from + ": " + reason));
			}

			@Override
			public Mono<Void> ended(CallContext call, CallOutcome outcome, List<String> messages) {
				return Mono.fromRunnable(() -> CallSides.this.outcomes.add(outcome));
			}

		};
	}

}
