package org.voiceai.realtime.call;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.voiceai.providers.realtime.ProviderEvent;
import org.voiceai.providers.realtime.RealtimeConversation;
import org.voiceai.realtime.audio.Pacing;
import org.voiceai.realtime.esl.EslEvent;
import org.voiceai.realtime.playback.PlaybackSink;
import org.voiceai.realtime.record.CallLog;
import org.voiceai.realtime.tool.ToolRegistry;
import org.voiceai.realtime.tool.ToolResult;
import org.voiceai.realtime.tool.ToolResult.FollowUp;

/**
 * One call, in one place: its {@link CallState}, its provider conversation, its audio in both directions, its tools,
 * timers and record. Everything that changes the call goes through its {@link CallLock}, entered from the caller's
 * socket, the provider's socket, the pacing clock and ESL events; none of them blocks, so the lock is only ever held
 * for microseconds, and the pacing clock skips a call whose lock is busy rather than wait for it. When the provider
 * fails mid-call, {@link ProviderFailover} finds the next one and the session moves the conversation to it; without
 * one, the caller hears an apology and the call ends.
 */
public final class CallSession {

	private static final Logger logger = LoggerFactory.getLogger(CallSession.class);

	/** How long a new provider's first words wait for the holding phrase to be queued before them. */
	private static final Duration HOLDING_PHRASE_WAIT = Duration.ofSeconds(5);

	private final Playout playout;

	private final CallControl control;

	private final ToolRegistry tools;

	private final CallLog log;

	private final CallMetrics.Call metrics;

	private final ProviderFailover failover;

	private final CallTimers timers;

	private final LongSupplier clock;

	private final Runnable onFinished;

	private final List<String> messages = new ArrayList<>();

	private final CallLock lock = new CallLock();

	/** The tick as one object, so the pacing clock's hundred ticks a second per call allocate nothing. */
	private final Runnable tickAction = this::tickLocked;

	/** The call's facts; its provider changes when the call moves to another one. */
	private volatile CallContext context;

	/** The provider conversation and its converters; read without the lock by the caller's audio. */
	private volatile ProviderLink link;

	/** Changed only under the call's lock; volatile so the audio path can check it without taking the lock. */
	private volatile CallState state = CallState.CONNECTING;

	private boolean responseInProgress;

	/** Audio of an interrupted reply is still arriving and must not be played. */
	private boolean dropping;

	private long callerStoppedAt = -1;

	private PendingAction pending;

	private CallOutcome outcome;

	/** The current provider failed: what it still sends is ignored until the call moves to another. */
	private boolean providerFailed;

	CallSession(CallContext context, RealtimeConversation conversation, PlaybackSink sink, Pacing pacing,
			CallControl control, ToolRegistry tools, CallLog log, CallMetrics.Call metrics, ProviderFailover failover,
			CallTimeouts timeouts, LongSupplier clock, Runnable onFinished) {
		this.context = context;
		this.link = ProviderLink.to(conversation, context);
		this.control = control;
		this.tools = tools;
		this.log = log;
		this.metrics = metrics;
		this.failover = failover;
		this.clock = clock;
		this.onFinished = onFinished;
		long acceptedAt = clock.getAsLong();
		this.timers = new CallTimers(timeouts, acceptedAt);
		this.playout = new Playout(context.agentFormat(), pacing, sink, metrics, clock, acceptedAt);
	}

	public CallContext context() {
		return this.context;
	}

	public CallState state() {
		return this.state;
	}

	/** Starts listening to the provider and asks it for the greeting. */
	public void start() {
		this.lock.run(() -> {
			this.metrics.started();
			this.log.started();
			listen(this.link.conversation());
			moveTo(CallState.GREETING);
			String greeting = this.context.secretary().prompts().greeting();
			respond((greeting == null || greeting.isBlank()) ? "Greet the caller briefly and ask how you can help."
					: "Greet the caller with exactly these words: " + greeting);
		});
	}

	/** A frame from FreeSWITCH, any size. Called from the caller socket's thread only. */
	public void onCallerAudio(byte[] frame) {
		long receivedAt = this.clock.getAsLong();
		this.metrics.frameIn();
		ProviderLink current = this.link;
		byte[] audio = current.inbound().convert(frame);
		if (audio.length > 0 && !isFinished()) {
			current.conversation().sendAudio(audio);
			this.metrics.inboundLatency(this.clock.getAsLong() - receivedAt);
		}
	}

	/** An event of the current provider. */
	public void onProviderEvent(ProviderEvent event) {
		onProviderEvent(this.link.conversation(), event, this.clock.getAsLong());
	}

	/** @param arrivedAt when the event reached the call, before waiting for its lock (added latency counts that) */
	private void onProviderEvent(RealtimeConversation from, ProviderEvent event, long arrivedAt) {
		this.lock.run(() -> handle(from, event, arrivedAt));
	}

	private void handle(RealtimeConversation from, ProviderEvent event, long arrivedAt) {
		if (this.state == CallState.ENDED || this.providerFailed || from != this.link.conversation()) {
			return;
		}
		long now = this.clock.getAsLong();
		if (event instanceof ProviderEvent.AudioDelta delta) {
			onAgentAudio(delta.audio(), arrivedAt, now);
		}
		else if (event instanceof ProviderEvent.SpeechStarted) {
			this.timers.activity(now);
			if (this.state.allowsBargeIn() && this.playout.isPlaying(now)) {
				bargeIn(now);
			}
		}
		else if (event instanceof ProviderEvent.SpeechStopped) {
			this.timers.activity(now);
			this.callerStoppedAt = now;
		}
		else if (event instanceof ProviderEvent.Transcript transcript && transcript.complete()) {
			this.log.utterance(transcript.fromCaller(), transcript.text());
			this.failover.heard(transcript.fromCaller(), transcript.text());
		}
		else if (event instanceof ProviderEvent.ToolCall call) {
			this.tools.invoke(this.context, call.name(), call.argumentsJson())
				.subscribe((result) -> onToolResult(from, call.callId(), result),
						(error) -> logger.warn("Tool {} failed on call {}", call.name(), this.context.callUuid(), error));
		}
		else if (event instanceof ProviderEvent.ResponseDone) {
			onResponseDone(now);
		}
		else if (event instanceof ProviderEvent.ProviderError error) {
			logger.warn("Provider {} reported {} on call {}: {}", this.context.provider(), error.code(),
					this.context.callUuid(), error.message());
			providerLost(from, error.code() + " " + error.message(), error.retriable());
		}
	}

	/**
	 * The pacing clock's tick: sends due audio, runs pending actions and the call's timers. A call whose lock another
	 * thread holds is skipped until the next tick: that thread is working on this call (provider audio it enqueues
	 * is sent at once), and waiting for it would hold up every other call's tick.
	 * @return whether the call was ticked
	 */
	public boolean tick() {
		return this.lock.runIfFree(this.tickAction);
	}

	private void tickLocked() {
		if (this.state == CallState.ENDED) {
			return;
		}
		long now = this.clock.getAsLong();
		this.playout.tick(now);
		if (this.pending != null) {
			runPendingWhenHeard(now);
		}
		else if (this.outcome == null && this.state != CallState.SWITCHING) {
			// Once a transfer or hang-up is under way, no timer may start another goodbye.
			checkTimers(now);
		}
	}

	public void onEslEvent(EslEvent event) {
		this.lock.run(() -> {
			if ("CHANNEL_HANGUP".equals(event.name()) || "CHANNEL_HANGUP_COMPLETE".equals(event.name())) {
				streamClosed();
			}
			else {
				this.playout.onEslEvent(event);
			}
		});
	}

	/** FreeSWITCH closed the stream: the caller hung up, or our own hang-up or transfer took effect. */
	public void streamClosed() {
		this.lock.run(() -> {
			finish((this.outcome != null) ? this.outcome : CallOutcome.callerHungUp());
		});
	}

	/** Lock-free: called for every caller frame, which must not wait for the pacing tick or a provider event. */
	public boolean isFinished() {
		return this.state == CallState.ENDED;
	}

	/** Statistics for logs and benchmarks. */
	public long underruns() {
		return this.lock.get(() -> this.playout.underruns());
	}

	/** Statistics for logs and benchmarks: ticks that came too late to keep FreeSWITCH fed. */
	public long lateFrames() {
		return this.lock.get(() -> this.playout.lateFrames());
	}

	private void listen(RealtimeConversation conversation) {
		conversation.events()
			.subscribe((event) -> onProviderEvent(conversation, event, this.clock.getAsLong()),
					(error) -> providerLost(conversation, error.toString(), true),
					() -> providerLost(conversation, "the provider closed the session", true));
	}

	/** Asks the current provider to speak; failing to ask is the provider failing. */
	private void respond(String instructions) {
		RealtimeConversation conversation = this.link.conversation();
		conversation.respond(instructions)
			.subscribe(null, (error) -> providerLost(conversation, error.toString(), true));
	}

	private void onAgentAudio(byte[] audio, long arrivedAt, long now) {
		if (this.dropping) {
			return;
		}
		this.responseInProgress = true;
		this.timers.activity(now);
		if (this.state == CallState.LISTENING) {
			moveTo(CallState.RESPONDING);
		}
		if (this.callerStoppedAt >= 0) {
			this.metrics.roundTrip(Duration.ofNanos(now - this.callerStoppedAt));
			this.callerStoppedAt = -1;
		}
		if (this.pending != null) {
			this.pending.audioHeard();
		}
		this.playout.play(this.link.outbound().convert(audio), arrivedAt, now);
	}

	private void onResponseDone(long now) {
		this.playout.endItem(now);
		this.dropping = false;
		this.responseInProgress = false;
		this.timers.activity(now);
		if (this.state == CallState.GREETING || this.state == CallState.RESPONDING) {
			moveTo(CallState.LISTENING);
		}
		if (this.pending != null) {
			this.pending.responseDone();
		}
	}

	private void bargeIn(long now) {
		long heard = this.playout.clear(now);
		this.dropping = this.responseInProgress;
		this.metrics.bargeIn();
		if (this.state != CallState.LISTENING) {
			moveTo(CallState.LISTENING);
		}
		this.link.conversation().interrupt(heard).subscribe(null, (error) -> logger
			.warn("Interrupt failed on call {}: {}", this.context.callUuid(), error.toString()));
	}

	private void onToolResult(RealtimeConversation from, String callId, ToolResult result) {
		this.lock.run(() -> {
			if (this.state == CallState.ENDED || from != this.link.conversation()) {
				return;
			}
			FollowUp followUp = result.followUp();
			if (followUp instanceof FollowUp.Transfer transfer) {
				moveTo(CallState.TRANSFERRING);
				this.pending = new PendingAction(followUp,
						CallOutcome.transferred(transfer.number(), transfer.destinationName()), deadline());
			}
			else if (followUp instanceof FollowUp.HangUp hangUp) {
				moveTo(CallState.ENDING);
				this.pending = new PendingAction(followUp, CallOutcome.hungUp(hangUp.reason()), deadline());
			}
			else if (followUp instanceof FollowUp.MessageTaken taken) {
				this.messages.add(taken.text());
			}
			from.sendToolResult(callId, result.outputJson())
				.subscribe(null, (error) -> providerLost(from, error.toString(), true));
		});
	}

	private void runPendingWhenHeard(long now) {
		if (!this.pending.announced(this.responseInProgress, now) || now < this.playout.playedOutAt(now)) {
			return;
		}
		PendingAction action = this.pending;
		this.pending = null;
		this.outcome = action.outcome();
		if (action.followUp() instanceof FollowUp.Transfer transfer) {
			this.control.transfer(transfer.number(), transfer.context())
				.subscribe(null, (error) -> transferFailed(transfer, error), this::streamClosed);
		}
		else {
			this.control.hangUp().subscribe(null, (error) -> {
				logger.warn("Hang-up of call {} failed ({}); closing the stream", this.context.callUuid(), error.toString());
				streamClosed();
			});
		}
	}

	private void transferFailed(FollowUp.Transfer transfer, Throwable error) {
		this.lock.run(() -> {
			logger.warn("Transfer of call {} to {} failed: {}", this.context.callUuid(), transfer.number(), error.toString());
			this.outcome = null;
			if (this.state == CallState.TRANSFERRING) {
				moveTo(CallState.LISTENING);
				respond("The transfer to " + transfer.destinationName() + " did not go through. "
						+ "Apologise briefly and offer to take a message.");
			}
		});
	}

	private void checkTimers(long now) {
		boolean waiting = this.state == CallState.LISTENING && !this.playout.isPlaying(now) && !this.responseInProgress;
		switch (this.timers.check(now, waiting)) {
			case MAX_DURATION -> sayGoodbye("maximum call duration reached");
			case REPROMPT -> respond("The caller has been silent. Ask briefly whether they are still there.");
			case SILENT -> sayGoodbye("caller silent");
			case NOTHING -> {
			}
		}
	}

	private void sayGoodbye(String reason) {
		moveTo(CallState.ENDING);
		this.pending = PendingAction.afterNextReply(new FollowUp.HangUp(reason), CallOutcome.hungUp(reason), deadline());
		String farewell = this.context.secretary().prompts().farewell();
		respond((farewell == null || farewell.isBlank()) ? "Say a short, polite goodbye." : "Say exactly: " + farewell);
	}

	/**
	 * The provider failed. In the middle of the conversation, and unless it refused us (another provider would not
	 * do better), the call moves to the next provider while the caller hears the holding phrase; otherwise, or
	 * without a next provider, the caller hears the apology and the call ends.
	 */
	private void providerLost(RealtimeConversation lost, String reason, boolean switchable) {
		this.lock.run(() -> {
			if (lost != this.link.conversation() || this.providerFailed || this.state == CallState.ENDED
					|| this.outcome != null) {
				return;
			}
			this.providerFailed = true;
			logger.warn("Realtime provider {} failed on call {} of domain {} in state {}: {}", this.context.provider(),
					this.context.callUuid(), this.context.domain().value(), this.state, reason);
			this.playout.clear(this.clock.getAsLong());
			this.dropping = true;
			this.responseInProgress = false;
			if (!switchable || !this.state.allowsBargeIn()) {
				apologise(reason);
				return;
			}
			moveTo(CallState.SWITCHING);
			String from = this.context.provider();
			Sinks.Empty<Void> held = Sinks.empty();
			this.failover.next(this.context, reason, () -> holdOn(held))
				.flatMap((opened) -> held.asMono().timeout(HOLDING_PHRASE_WAIT, Mono.empty()).thenReturn(opened))
				.subscribe((opened) -> switchTo(opened, from, reason), (error) -> noNextProvider(reason));
		});
	}

	private void holdOn(Sinks.Empty<Void> held) {
		this.lock.run(() -> speak(this.failover.holdingPhrase(this.context, this.context.agentFormat().sampleRate()),
				held::tryEmitEmpty));
	}

	private void switchTo(ProviderFailover.Opened opened, String from, String reason) {
		this.lock.run(() -> {
			if (this.state != CallState.SWITCHING) {
				close(opened.conversation());
				return;
			}
			RealtimeConversation old = this.link.conversation();
			this.link = ProviderLink.to(opened.conversation(), this.context);
			this.context = this.context.withProvider(opened.provider());
			this.providerFailed = false;
			this.log.providerSwitched(this.context, from, reason);
			close(old);
			this.dropping = false;
			this.timers.activity(this.clock.getAsLong());
			moveTo(CallState.LISTENING);
			listen(opened.conversation());
			// The caller's last words had no answer when the provider failed: the new one owes it. Otherwise it listens.
			String unanswered = this.failover.unansweredCallerWords();
			if (unanswered != null) {
				respond("You are taking over this call after a technical pause; do not greet again. Answer the caller's "
						+ "last words: \"" + unanswered + "\"");
			}
		});
	}

	private void noNextProvider(String reason) {
		this.lock.run(() -> {
			if (this.state == CallState.SWITCHING) {
				apologise(reason);
			}
		});
	}

	private void apologise(String reason) {
		if (this.state != CallState.ENDING) {
			moveTo(CallState.ENDING);
		}
		CallOutcome failed = CallOutcome.failed("provider lost: " + reason);
		this.pending = PendingAction.afterNextReply(new FollowUp.HangUp("provider lost"), failed, deadline());
		speak(this.failover.apology(this.context, this.context.agentFormat().sampleRate()), () -> {
		});
	}

	/** Plays words of the bridge's own; {@code then} runs once they are queued, or could not be spoken. */
	private void speak(Mono<byte[]> audio, Runnable then) {
		audio.subscribe(this::playSpoken, (error) -> {
			logger.warn("Could not speak to the caller of call {}: {}", this.context.callUuid(), error.toString());
			spoken(then);
		}, () -> spoken(then));
	}

	private void playSpoken(byte[] pcm) {
		this.lock.run(() -> this.playout.play(pcm, -1, this.clock.getAsLong()));
	}

	private void spoken(Runnable then) {
		this.lock.run(() -> {
			this.playout.endItem(this.clock.getAsLong());
			if (this.pending != null) {
				this.pending.audioHeard();
				this.pending.responseDone();
			}
			then.run();
		});
	}

	private void finish(CallOutcome finalOutcome) {
		if (this.state == CallState.ENDED) {
			return;
		}
		this.state = CallState.ENDED;
		this.log.ended(finalOutcome, this.messages);
		this.playout.ended();
		close(this.link.conversation());
		logger.info("Call {} of domain {} ended: {}{}", this.context.callUuid(), this.context.domain().value(),
				finalOutcome.action(), (finalOutcome.reason() != null) ? " (" + finalOutcome.reason() + ")" : "");
		this.onFinished.run();
	}

	private static void close(RealtimeConversation conversation) {
		conversation.close().subscribe(null, (error) -> logger.debug("Closing a provider session: {}", error.toString()));
	}

	private long deadline() {
		return this.timers.actionDeadline(this.clock.getAsLong());
	}

	private void moveTo(CallState next) {
		if (!this.state.canMoveTo(next)) {
			throw new IllegalStateException("call " + this.context.callUuid() + ": " + this.state + " -> " + next);
		}
		this.state = next;
	}

}
