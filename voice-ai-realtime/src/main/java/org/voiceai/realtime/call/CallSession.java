package org.voiceai.realtime.call;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.voiceai.audio.AudioEncoding;
import org.voiceai.audio.AudioFormat;
import org.voiceai.providers.realtime.ProviderEvent;
import org.voiceai.providers.realtime.RealtimeConversation;
import org.voiceai.realtime.audio.AudioConverter;
import org.voiceai.realtime.audio.OutboundPacer;
import org.voiceai.realtime.esl.EslEvent;
import org.voiceai.realtime.playback.PlaybackSink;
import org.voiceai.realtime.record.CallLog;
import org.voiceai.realtime.tool.ToolRegistry;
import org.voiceai.realtime.tool.ToolResult;
import org.voiceai.realtime.tool.ToolResult.FollowUp;

/**
 * One call, in one place: its {@link CallState}, its provider conversation, its audio in both directions, its tools,
 * timers and record. Everything that changes the call goes through a {@code synchronized} method, entered from the
 * caller's socket, the provider's socket, the pacing clock and ESL events; none of them blocks, so the lock is only
 * ever held for microseconds.
 */
public final class CallSession {

	private static final Logger logger = LoggerFactory.getLogger(CallSession.class);

	private final CallContext context;

	private final RealtimeConversation conversation;

	private final AudioConverter inbound;

	private final AudioConverter outbound;

	private final OutboundPacer pacer;

	private final PlaybackSink sink;

	private final CallControl control;

	private final ToolRegistry tools;

	private final CallLog log;

	private final CallMetrics.Call metrics;

	private final Apology apology;

	private final CallTimeouts timeouts;

	private final LongSupplier clock;

	private final Runnable onFinished;

	private final long acceptedAt;

	private final List<String> messages = new ArrayList<>();

	/** Changed only under this object's lock; volatile so the audio path can check it without taking the lock. */
	private volatile CallState state = CallState.CONNECTING;

	private boolean responseInProgress;

	/** Audio of an interrupted reply is still arriving and must not be played. */
	private boolean dropping;

	private boolean firstAudioSent;

	private long callerStoppedAt = -1;

	/** When the agent audio now being enqueued arrived, while its first frame may go out at once; -1 otherwise. */
	private long deltaArrivedAt = -1;

	private long lastActivity;

	private int reprompts;

	private PendingAction pending;

	private CallOutcome outcome;

	CallSession(CallContext context, RealtimeConversation conversation, PlaybackSink sink, Duration lead,
			CallControl control, ToolRegistry tools, CallLog log, CallMetrics.Call metrics, Apology apology,
			CallTimeouts timeouts, LongSupplier clock, Runnable onFinished) {
		this.context = context;
		this.conversation = conversation;
		this.inbound = new AudioConverter(context.request().callerFormat(), conversation.inputFormat());
		this.outbound = new AudioConverter(conversation.outputFormat(), callFormat(context));
		this.sink = sink;
		this.pacer = new OutboundPacer(callFormat(context), lead.plus(sink.extraLead()), this::sendFrame);
		this.control = control;
		this.tools = tools;
		this.log = log;
		this.metrics = metrics;
		this.apology = apology;
		this.timeouts = timeouts;
		this.clock = clock;
		this.onFinished = onFinished;
		this.acceptedAt = clock.getAsLong();
		this.lastActivity = this.acceptedAt;
	}

	public CallContext context() {
		return this.context;
	}

	public synchronized CallState state() {
		return this.state;
	}

	/** Starts listening to the provider and asks it for the greeting. */
	public synchronized void start() {
		this.metrics.started();
		this.log.started();
		this.conversation.events()
			.subscribe((event) -> onProviderEvent(event, this.clock.getAsLong()), (error) -> providerLost(error.toString()),
					() -> providerLost("the provider closed the session"));
		moveTo(CallState.GREETING);
		String greeting = this.context.secretary().prompts().greeting();
		this.conversation.respond((greeting == null || greeting.isBlank())
				? "Greet the caller briefly and ask how you can help."
				: "Greet the caller with exactly these words: " + greeting)
			.subscribe(null, (error) -> providerLost(error.toString()));
	}

	/** A frame from FreeSWITCH, any size. Called from the caller socket's thread only. */
	public void onCallerAudio(byte[] frame) {
		long receivedAt = this.clock.getAsLong();
		this.metrics.frameIn();
		byte[] audio = this.inbound.convert(frame);
		if (audio.length > 0 && !isFinished()) {
			this.conversation.sendAudio(audio);
			this.metrics.inboundLatency(this.clock.getAsLong() - receivedAt);
		}
	}

	public void onProviderEvent(ProviderEvent event) {
		onProviderEvent(event, this.clock.getAsLong());
	}

	/** @param arrivedAt when the event reached the call, before waiting for its lock (added latency counts that) */
	private synchronized void onProviderEvent(ProviderEvent event, long arrivedAt) {
		if (this.state == CallState.ENDED) {
			return;
		}
		long now = this.clock.getAsLong();
		if (event instanceof ProviderEvent.AudioDelta delta) {
			onAgentAudio(delta.audio(), arrivedAt, now);
		}
		else if (event instanceof ProviderEvent.SpeechStarted) {
			this.lastActivity = now;
			if (this.state.allowsBargeIn() && this.pacer.isPlaying(now)) {
				bargeIn(now);
			}
		}
		else if (event instanceof ProviderEvent.SpeechStopped) {
			this.lastActivity = now;
			this.callerStoppedAt = now;
		}
		else if (event instanceof ProviderEvent.Transcript transcript && transcript.complete()) {
			this.log.utterance(transcript.fromCaller(), transcript.text());
		}
		else if (event instanceof ProviderEvent.ToolCall call) {
			this.tools.invoke(this.context, call.name(), call.argumentsJson())
				.subscribe((result) -> onToolResult(call.callId(), result),
						(error) -> logger.warn("Tool {} failed on call {}", call.name(), this.context.callUuid(), error));
		}
		else if (event instanceof ProviderEvent.ResponseDone) {
			onResponseDone(now);
		}
		else if (event instanceof ProviderEvent.ProviderError error) {
			logger.warn("Provider {} reported {} on call {}: {}", this.context.provider(), error.code(),
					this.context.callUuid(), error.message());
		}
	}

	/** The pacing clock's tick: sends due audio, runs pending actions and the call's timers. */
	public synchronized void tick() {
		if (this.state == CallState.ENDED) {
			return;
		}
		long now = this.clock.getAsLong();
		this.pacer.drain(now);
		if (!this.pacer.isPlaying(now) || this.pacer.playedOutAt(now) != Long.MAX_VALUE) {
			this.sink.idle();
		}
		if (this.pending != null) {
			runPendingWhenHeard(now);
		}
		else if (this.outcome == null) {
			// Once a transfer or hang-up is under way, no timer may start another goodbye.
			checkTimers(now);
		}
	}

	public synchronized void onEslEvent(EslEvent event) {
		if ("CHANNEL_HANGUP".equals(event.name()) || "CHANNEL_HANGUP_COMPLETE".equals(event.name())) {
			streamClosed();
		}
		else {
			this.sink.onEslEvent(event);
		}
	}

	/** FreeSWITCH closed the stream: the caller hung up, or our own hang-up or transfer took effect. */
	public synchronized void streamClosed() {
		finish((this.outcome != null) ? this.outcome : CallOutcome.callerHungUp());
	}

	/** Lock-free: called for every caller frame, which must not wait for the pacing tick or a provider event. */
	public boolean isFinished() {
		return this.state == CallState.ENDED;
	}

	/** Statistics for logs and benchmarks. */
	public synchronized long underruns() {
		return this.pacer.underruns();
	}

	/** Statistics for logs and benchmarks: ticks that came too late to keep FreeSWITCH fed. */
	public synchronized long lateFrames() {
		return this.pacer.lateFrames();
	}

	private void onAgentAudio(byte[] audio, long arrivedAt, long now) {
		if (this.dropping) {
			return;
		}
		this.responseInProgress = true;
		this.lastActivity = now;
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
		// Added latency is measured only for audio the pacer may send at once; queued audio waits by design.
		this.deltaArrivedAt = this.pacer.hasWaitingFrames() ? -1 : arrivedAt;
		this.pacer.enqueue(this.outbound.convert(audio), now);
		this.deltaArrivedAt = -1;
	}

	private void onResponseDone(long now) {
		this.pacer.endItem(now);
		this.dropping = false;
		this.responseInProgress = false;
		this.lastActivity = now;
		if (this.state == CallState.GREETING || this.state == CallState.RESPONDING) {
			moveTo(CallState.LISTENING);
		}
		if (this.pending != null) {
			this.pending.responseDone();
		}
	}

	private void bargeIn(long now) {
		long heard = this.pacer.clear(now);
		this.sink.clear();
		this.dropping = this.responseInProgress;
		this.metrics.bargeIn();
		if (this.state != CallState.LISTENING) {
			moveTo(CallState.LISTENING);
		}
		this.conversation.interrupt(heard).subscribe(null, (error) -> logger.warn("Interrupt failed on call {}: {}",
				this.context.callUuid(), error.toString()));
	}

	private synchronized void onToolResult(String callId, ToolResult result) {
		if (this.state == CallState.ENDED) {
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
		this.conversation.sendToolResult(callId, result.outputJson())
			.subscribe(null, (error) -> providerLost(error.toString()));
	}

	private void runPendingWhenHeard(long now) {
		if (!this.pending.announced(this.responseInProgress, now) || now < this.pacer.playedOutAt(now)) {
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

	private synchronized void transferFailed(FollowUp.Transfer transfer, Throwable error) {
		logger.warn("Transfer of call {} to {} failed: {}", this.context.callUuid(), transfer.number(), error.toString());
		this.outcome = null;
		if (this.state == CallState.TRANSFERRING) {
			moveTo(CallState.LISTENING);
			this.conversation.respond("The transfer to " + transfer.destinationName() + " did not go through. "
					+ "Apologise briefly and offer to take a message.").subscribe(null, (e) -> providerLost(e.toString()));
		}
	}

	private void checkTimers(long now) {
		if (now - this.acceptedAt > this.timeouts.maxDuration().toNanos()) {
			sayGoodbye("maximum call duration reached");
		}
		else if (this.state == CallState.LISTENING && !this.pacer.isPlaying(now) && !this.responseInProgress
				&& now - this.lastActivity > this.timeouts.idle().toNanos()) {
			this.lastActivity = now;
			if (this.reprompts++ == 0) {
				this.conversation.respond("The caller has been silent. Ask briefly whether they are still there.")
					.subscribe(null, (error) -> providerLost(error.toString()));
			}
			else {
				sayGoodbye("caller silent");
			}
		}
	}

	private void sayGoodbye(String reason) {
		moveTo(CallState.ENDING);
		this.pending = PendingAction.afterNextReply(new FollowUp.HangUp(reason), CallOutcome.hungUp(reason), deadline());
		String farewell = this.context.secretary().prompts().farewell();
		this.conversation.respond((farewell == null || farewell.isBlank()) ? "Say a short, polite goodbye."
				: "Say exactly: " + farewell).subscribe(null, (error) -> providerLost(error.toString()));
	}

	private synchronized void providerLost(String reason) {
		if (this.state == CallState.ENDED || this.outcome != null) {
			return;
		}
		logger.warn("Provider {} lost on call {} of domain {}: {}", this.context.provider(), this.context.callUuid(),
				this.context.domain().value(), reason);
		CallOutcome failed = CallOutcome.failed("provider lost: " + reason);
		long now = this.clock.getAsLong();
		this.pacer.clear(now);
		this.sink.clear();
		this.dropping = true;
		this.responseInProgress = false;
		if (this.state != CallState.ENDING) {
			moveTo(CallState.ENDING);
		}
		this.pending = PendingAction.afterNextReply(new FollowUp.HangUp("provider lost"), failed, deadline());
		this.apology.audio(this.context, callFormat(this.context).sampleRate())
			.subscribe(this::playApology, (error) -> {
				logger.warn("No apology for call {}: {}", this.context.callUuid(), error.toString());
				apologyQueued();
			}, this::apologyQueued);
	}

	private synchronized void playApology(byte[] pcm) {
		long now = this.clock.getAsLong();
		this.pacer.enqueue(pcm, now);
	}

	private synchronized void apologyQueued() {
		if (this.pending != null) {
			long now = this.clock.getAsLong();
			this.pacer.endItem(now);
			this.pending.audioHeard();
			this.pending.responseDone();
		}
	}

	private void finish(CallOutcome finalOutcome) {
		if (this.state == CallState.ENDED) {
			return;
		}
		this.state = CallState.ENDED;
		this.log.ended(finalOutcome, this.messages);
		this.metrics.ended(this.pacer.underruns(), this.pacer.lateFrames());
		this.conversation.close().subscribe(null, (error) -> logger.debug("Closing the provider session: {}", error.toString()));
		logger.info("Call {} of domain {} ended: {}{}", this.context.callUuid(), this.context.domain().value(),
				finalOutcome.action(), (finalOutcome.reason() != null) ? " (" + finalOutcome.reason() + ")" : "");
		this.onFinished.run();
	}

	private void sendFrame(byte[] frame) {
		if (!this.firstAudioSent) {
			this.firstAudioSent = true;
			this.metrics.firstAudio(Duration.ofNanos(this.clock.getAsLong() - this.acceptedAt));
		}
		this.metrics.frameOut();
		this.sink.play(frame);
		if (this.deltaArrivedAt >= 0) {
			this.metrics.outboundLatency(this.clock.getAsLong() - this.deltaArrivedAt);
			this.deltaArrivedAt = -1;
		}
	}

	private long deadline() {
		return this.clock.getAsLong() + this.timeouts.action().toNanos();
	}

	private void moveTo(CallState next) {
		if (!this.state.canMoveTo(next)) {
			throw new IllegalStateException("call " + this.context.callUuid() + ": " + this.state + " -> " + next);
		}
		this.state = next;
	}

	/** Agent audio always goes back as 16-bit PCM at the caller's rate, whatever the caller sends. */
	private static AudioFormat callFormat(CallContext context) {
		return new AudioFormat(AudioEncoding.PCM16, context.request().callerFormat().sampleRate(), 1);
	}

}
