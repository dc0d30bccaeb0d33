package org.voiceai.realtime.provider.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.json.JsonMapper;

import org.voiceai.audio.AudioFormat;
import org.voiceai.audio.Wav;
import org.voiceai.providers.error.ProviderBadRequestException;
import org.voiceai.providers.error.ProviderTimeoutException;
import org.voiceai.providers.error.ProviderUnavailableException;
import org.voiceai.providers.llm.ChatStreamEvent;
import org.voiceai.providers.realtime.ProviderEvent;
import org.voiceai.providers.realtime.RealtimeConversation;
import org.voiceai.providers.realtime.RealtimeSessionSpec;
import org.voiceai.providers.tts.SpeechRequest;

/**
 * One call through the cascade: Deepgram transcribes the caller live, the chat model answers with the call's tools,
 * and text-to-speech speaks the answer sentence by sentence while the model is still writing.
 * <p>
 * Turns: Deepgram's {@code SpeechStarted} (or the first words heard) is {@link ProviderEvent.SpeechStarted}, which
 * the bridge treats as a barge-in; final transcripts are collected until {@code speech_final} or
 * {@code UtteranceEnd}, which end the caller's turn and start a reply. One reply runs at a time: a caller turn or a
 * bridge instruction that arrives meanwhile waits for it, and so does everything while tool results are awaited.
 * A reply's audio is handed to the bridge as soon as each sentence is synthesized (the bridge paces it), then
 * {@link ProviderEvent.ResponseDone}; tool calls are reported at the end of the reply that made them, and the model
 * continues once every result is in.
 * <p>
 * The history (system instructions, caller turns, bridge instructions, replies, tool calls and results) lives here.
 * After a barge-in it keeps only the sentences whose audio had started playing by the time the caller interrupted:
 * an approximation at sentence granularity, as the bridge reports played time, not words.
 * <p>
 * Threads: Deepgram's event loop, the model's stream and the speech requests change the state under one lock and
 * queue their events; events are delivered after the lock is released (see {@link #deliver()}).
 */
final class PipelineConversation implements RealtimeConversation, DeepgramLive.Listener {

	/** Marks bridge instructions in the history, so the model does not take them for the caller's words. */
	static final String INSTRUCTION_PREFIX = "[Instruction from the phone system, not words of the caller] ";

	/** Reply audio goes to the bridge in chunks of this many milliseconds. */
	static final int CHUNK_MILLIS = 100;

	private static final Log logger = LogFactory.getLog(PipelineConversation.class);

	private final CustomPipelineSettings settings;

	private final RealtimeSessionSpec spec;

	private final PipelineServices services;

	private final PipelineLatency latency;

	private final AudioFormat input;

	private final AudioFormat output;

	private final DeepgramLive deepgram;

	private final Sinks.Many<ProviderEvent> events = Sinks.many().unicast().onBackpressureBuffer();

	private final AtomicBoolean ended = new AtomicBoolean();

	private final AtomicBoolean completed = new AtomicBoolean();

	private final Queue<ProviderEvent> outbox = new ConcurrentLinkedQueue<>();

	private final AtomicInteger delivering = new AtomicInteger();

	private final Object lock = new Object();

	// Conversation state, guarded by this.lock.

	private final List<ChatMessage> history = new ArrayList<>();

	/** Caller turns and bridge instructions waiting for the next reply. */
	private final List<String> waiting = new ArrayList<>();

	private final Map<String, ToolExecutionRequest> awaitedTools = new LinkedHashMap<>();

	private final StringBuilder callerWords = new StringBuilder();

	private boolean callerSpeaking;

	private boolean continuationDue;

	private PipelineReply reply;

	/** The last finished reply, whose audio may still be playing, and its message's place in the history. */
	private PipelineReply lastReply;

	private int lastReplyIndex = -1;

	private int toolIds;

	PipelineConversation(CustomPipelineSettings settings, RealtimeSessionSpec spec, PipelineServices services,
			PipelineLatency latency, JsonMapper json) {
		this.settings = settings;
		this.spec = spec;
		this.services = services;
		this.latency = latency;
		this.input = CustomPipelineSettings.inputFormat(spec.callerFormat());
		this.output = CustomPipelineSettings.outputFormat(spec.callerFormat());
		this.deepgram = new DeepgramLive(json, this);
		if (spec.instructions() != null && !spec.instructions().isBlank()) {
			this.history.add(SystemMessage.from(spec.instructions()));
		}
		// A call moved here from a failed provider: its turns become ordinary chat messages, so the model answers on
		// from them as if it had served the call from the start.
		for (RealtimeSessionSpec.Turn turn : spec.history()) {
			this.history.add(turn.fromCaller() ? UserMessage.from(turn.text()) : AiMessage.from(turn.text()));
		}
	}

	Mono<RealtimeConversation> start() {
		return this.deepgram
			.connect(this.settings.listenUri(this.input, this.spec.language()), this.settings.apiKey(),
					this.settings.connectTimeout(), this.settings.keepAlive())
			.timeout(this.settings.connectTimeout(), Mono.error(() -> new ProviderTimeoutException(
					CustomPipelineVoice.NAME, "Deepgram did not accept the live stream within "
							+ this.settings.connectTimeout().toMillis() + " ms", null)))
			.doOnError((error) -> this.deepgram.close())
			.doOnCancel(this.deepgram::close)
			.then(Mono.fromSupplier(() -> {
				logger.info("Custom pipeline open: Deepgram " + this.settings.model() + " hearing " + this.input
						+ ", speaking " + this.output);
				return this;
			}));
	}

	@Override
	public AudioFormat inputFormat() {
		return this.input;
	}

	@Override
	public AudioFormat outputFormat() {
		return this.output;
	}

	@Override
	public void sendAudio(byte[] audio) {
		if (!this.ended.get() && audio.length > 0) {
			this.deepgram.sendAudio(audio);
		}
	}

	@Override
	public Flux<ProviderEvent> events() {
		return this.events.asFlux();
	}

	@Override
	public Mono<Void> sendToolResult(String callId, String resultJson) {
		return whileOpen(() -> {
			ToolExecutionRequest call = this.awaitedTools.remove(callId);
			if (call == null) {
				logger.warn("Ignoring a result for tool call " + callId + ", which is not awaited");
				return;
			}
			this.history.add(ToolExecutionResultMessage.from(call, resultJson));
			if (this.awaitedTools.isEmpty()) {
				this.continuationDue = true;
				startNextIfIdle();
			}
		});
	}

	/** The instruction joins the history as a marked user turn, and the model answers it. */
	@Override
	public Mono<Void> respond(String instructions) {
		return whileOpen(() -> {
			this.waiting.add(INSTRUCTION_PREFIX + instructions);
			startNextIfIdle();
		});
	}

	/**
	 * Stops the reply being written (model and speech) and keeps in the history what the caller heard of it. When the
	 * reply had been written out already and only its audio was playing, its message is cut down the same way.
	 */
	@Override
	public Mono<Void> interrupt(long playedMillis) {
		return whileOpen(() -> {
			PipelineReply current = this.reply;
			if (current != null) {
				this.reply = null;
				current.cancel();
				String heard = current.heardText(playedMillis);
				if (!heard.isEmpty()) {
					this.history.add(AiMessage.from(heard));
					emit(new ProviderEvent.Transcript(false, heard, true));
				}
				if (current.audioMillis > 0) {
					emit(new ProviderEvent.ResponseDone());
				}
				startNextIfIdle();
			}
			else if (this.lastReply != null) {
				cutLastReply(this.lastReply.heardText(playedMillis));
			}
			this.lastReply = null;
		});
	}

	private void cutLastReply(String heard) {
		AiMessage said = (AiMessage) this.history.get(this.lastReplyIndex);
		if (heard.equals(said.text())) {
			return;
		}
		if (said.hasToolExecutionRequests()) {
			this.history.set(this.lastReplyIndex, assistant(heard, said.toolExecutionRequests()));
		}
		else if (heard.isEmpty()) {
			// Nothing after it yet: without tool calls, only tool results could follow a reply before the next turn.
			this.history.remove(this.lastReplyIndex);
		}
		else {
			this.history.set(this.lastReplyIndex, AiMessage.from(heard));
		}
	}

	@Override
	public Mono<Void> close() {
		return Mono.fromRunnable(() -> end(null));
	}

	private Mono<Void> whileOpen(Runnable action) {
		return Mono.defer(() -> {
			if (this.ended.get()) {
				return Mono.error(new ProviderUnavailableException(CustomPipelineVoice.NAME,
						"the conversation has ended", null));
			}
			locked(action);
			return Mono.empty();
		});
	}

	// ---------------------------------------------------------------- Deepgram

	@Override
	public void onSpeechStarted() {
		locked(() -> {
			this.callerSpeaking = true;
			emit(new ProviderEvent.SpeechStarted());
		});
	}

	@Override
	public void onInterim(String transcript) {
		locked(this::callerHeard);
	}

	@Override
	public void onFinal(String transcript, boolean speechFinal) {
		locked(() -> {
			if (!transcript.isEmpty()) {
				callerHeard();
				if (!this.callerWords.isEmpty()) {
					this.callerWords.append(' ');
				}
				this.callerWords.append(transcript);
			}
			if (speechFinal) {
				endCallerTurn();
			}
		});
	}

	@Override
	public void onUtteranceEnd() {
		locked(this::endCallerTurn);
	}

	@Override
	public void onClosed(ProviderEvent.ProviderError error) {
		if (error != null) {
			end(error);
		}
	}

	/** Words without a {@code SpeechStarted} before them (VAD missed the start) still mean the caller speaks. */
	private void callerHeard() {
		if (!this.callerSpeaking) {
			this.callerSpeaking = true;
			emit(new ProviderEvent.SpeechStarted());
		}
	}

	private void endCallerTurn() {
		if (this.callerWords.isEmpty()) {
			// Speech without words (a cough, line noise): no turn.
			this.callerSpeaking = false;
			return;
		}
		String text = this.callerWords.toString();
		this.callerWords.setLength(0);
		this.callerSpeaking = false;
		emit(new ProviderEvent.SpeechStopped());
		emit(new ProviderEvent.Transcript(true, text, true));
		this.waiting.add(text);
		startNextIfIdle();
	}

	// ---------------------------------------------------------------- replies

	private void startNextIfIdle() {
		if (this.reply != null || !this.awaitedTools.isEmpty() || this.ended.get()
				|| (this.waiting.isEmpty() && !this.continuationDue)) {
			return;
		}
		if (!this.waiting.isEmpty()) {
			addUserTurn(String.join("\n", this.waiting));
			this.waiting.clear();
		}
		this.continuationDue = false;
		this.lastReply = null;
		startReply();
	}

	/** Consecutive user turns (a reply was interrupted before it said anything) are merged into one. */
	private void addUserTurn(String text) {
		int last = this.history.size() - 1;
		if (last >= 0 && this.history.get(last) instanceof UserMessage previous && previous.hasSingleText()) {
			this.history.set(last, UserMessage.from(previous.singleText() + "\n" + text));
		}
		else {
			this.history.add(UserMessage.from(text));
		}
	}

	private void startReply() {
		PipelineReply next = new PipelineReply(System.nanoTime());
		this.reply = next;
		SentenceSplitter splitter = new SentenceSplitter();
		next.subscription = this.services.chat(request())
			.flatMapMany((stream) -> stream)
			.onErrorMap((error) -> new StageFailure("llm_failed", "the chat model failed", error))
			.doOnNext((event) -> next.firstEvent())
			.concatMapIterable((event) -> pieces(splitter, event))
			.flatMapSequential(this::synthesize, 2)
			.subscribe((piece) -> onPiece(next, piece), (error) -> onReplyFailed(next, error),
					() -> onReplyComplete(next));
	}

	private ChatRequest request() {
		ChatRequest.Builder request = ChatRequest.builder().messages(List.copyOf(this.history));
		if (!this.spec.tools().isEmpty()) {
			request.toolSpecifications(this.spec.tools());
		}
		if (this.settings.temperature() != null) {
			request.temperature(this.settings.temperature());
		}
		if (this.settings.maxTokens() != null) {
			request.maxOutputTokens(this.settings.maxTokens());
		}
		return request.build();
	}

	private static List<Piece> pieces(SentenceSplitter splitter, ChatStreamEvent event) {
		if (event instanceof ChatStreamEvent.Text text) {
			return splitter.add(text.text()).stream().map(Piece::sentence).toList();
		}
		ChatResponse response = ((ChatStreamEvent.Complete) event).response();
		List<Piece> pieces = new ArrayList<>(splitter.flush().stream().map(Piece::sentence).toList());
		pieces.add(new Piece(null, null, response));
		return pieces;
	}

	private Mono<Piece> synthesize(Piece piece) {
		if (piece.sentence() == null) {
			return Mono.just(piece);
		}
		String voice = (this.spec.voice() != null) ? this.spec.voice() : this.settings.voice();
		return this.services
			.speak(new SpeechRequest(piece.sentence(), voice, this.spec.language(), 1.0, this.output.sampleRate()))
			.map((audio) -> new Piece(piece.sentence(), Wav.read(audio.wav()).samples(), null))
			.onErrorMap((error) -> new StageFailure("tts_failed", "text-to-speech failed", error));
	}

	private void onPiece(PipelineReply owner, Piece piece) {
		locked(() -> {
			if (owner != this.reply) {
				return;
			}
			if (piece.response() != null) {
				owner.response = piece.response();
				return;
			}
			owner.spoken(piece.sentence(), this.output.duration(piece.pcm().length).toMillis());
			emit(new ProviderEvent.Transcript(false, piece.sentence(), false));
			int chunk = this.output.bytesPerSecond() * CHUNK_MILLIS / 1000;
			byte[] pcm = piece.pcm();
			for (int offset = 0; offset < pcm.length; offset += chunk) {
				emit(new ProviderEvent.AudioDelta((offset == 0 && pcm.length <= chunk) ? pcm
						: Arrays.copyOfRange(pcm, offset, Math.min(pcm.length, offset + chunk))));
			}
		});
	}

	private void onReplyComplete(PipelineReply owner) {
		locked(() -> {
			if (owner != this.reply) {
				return;
			}
			this.reply = null;
			String text = owner.spokenText();
			List<ToolExecutionRequest> calls = toolCalls(owner.response);
			if (!text.isEmpty() || !calls.isEmpty()) {
				this.history.add(assistant(text, calls));
				this.lastReply = owner;
				this.lastReplyIndex = this.history.size() - 1;
			}
			if (!text.isEmpty()) {
				emit(new ProviderEvent.Transcript(false, text, true));
			}
			for (ToolExecutionRequest call : calls) {
				this.awaitedTools.put(call.id(), call);
				emit(new ProviderEvent.ToolCall(call.id(), call.name(), call.arguments()));
			}
			emit(new ProviderEvent.ResponseDone());
			this.latency.record(owner.startedAt, owner.firstEventAt, owner.firstAudioAt);
			startNextIfIdle();
		});
	}

	/** The model's tool calls, each with an id (some models leave it out; the history needs one to pair results). */
	private List<ToolExecutionRequest> toolCalls(ChatResponse response) {
		if (response == null || !response.aiMessage().hasToolExecutionRequests()) {
			return List.of();
		}
		List<ToolExecutionRequest> calls = new ArrayList<>();
		for (ToolExecutionRequest call : response.aiMessage().toolExecutionRequests()) {
			String id = (call.id() != null && !call.id().isBlank()) ? call.id() : "call_" + (++this.toolIds);
			String arguments = (call.arguments() != null && !call.arguments().isBlank()) ? call.arguments() : "{}";
			calls.add(ToolExecutionRequest.builder().id(id).name(call.name()).arguments(arguments).build());
		}
		return calls;
	}

	private static AiMessage assistant(String text, List<ToolExecutionRequest> calls) {
		if (calls.isEmpty()) {
			return AiMessage.from(text);
		}
		return text.isEmpty() ? AiMessage.from(calls) : AiMessage.from(text, calls);
	}

	private void onReplyFailed(PipelineReply owner, Throwable error) {
		synchronized (this.lock) {
			if (owner != this.reply) {
				return;
			}
			this.reply = null;
		}
		StageFailure failure = (error instanceof StageFailure stage) ? stage
				: new StageFailure("pipeline_failed", "the reply failed", error);
		Throwable cause = (failure.getCause() != null) ? failure.getCause() : failure;
		end(new ProviderEvent.ProviderError(failure.code, failure.getMessage() + ": " + cause.getMessage(),
				!(cause instanceof ProviderBadRequestException)));
	}

	/** Runs {@code action} under the conversation's lock, then hands the events it produced to the subscriber. */
	private void locked(Runnable action) {
		synchronized (this.lock) {
			action.run();
		}
		deliver();
	}

	/** Queues an event; the caller holds the lock and delivers once it has let go of it. */
	private void emit(ProviderEvent event) {
		this.outbox.add(event);
	}

	/**
	 * Hands queued events to the subscriber, one thread at a time and never under the conversation's lock: the bridge
	 * handles events under its call's lock and calls back into the conversation (interrupt, respond) from there, and
	 * from its timers with that lock held, so holding ours while delivering could deadlock. A thread that finds
	 * another delivering leaves its events to it.
	 */
	private void deliver() {
		if (this.delivering.getAndIncrement() != 0) {
			return;
		}
		do {
			ProviderEvent event;
			while ((event = this.outbox.poll()) != null) {
				this.events.tryEmitNext(event);
			}
			if (this.ended.get() && this.outbox.isEmpty() && this.completed.compareAndSet(false, true)) {
				this.events.tryEmitComplete();
			}
		}
		while (this.delivering.decrementAndGet() != 0);
	}

	/** Ends the conversation once: reports {@code error} if there is one, closes Deepgram, completes the events. */
	private void end(ProviderEvent.ProviderError error) {
		if (!this.ended.compareAndSet(false, true)) {
			return;
		}
		this.deepgram.close();
		locked(() -> {
			if (this.reply != null) {
				this.reply.cancel();
				this.reply = null;
			}
			if (error != null) {
				logger.warn("Custom pipeline conversation ended: " + error.code() + " " + error.message());
				emit(error);
			}
		});
	}

	/** A sentence and its speech (16-bit PCM in the output format), or the model's finished response. */
	private record Piece(String sentence, byte[] pcm, ChatResponse response) {

		static Piece sentence(String sentence) {
			return new Piece(sentence, null, null);
		}

	}

	/** A stage of a reply failed; {@code code} names the stage for the bridge's log. */
	private static final class StageFailure extends RuntimeException {

		private final String code;

		StageFailure(String code, String message, Throwable cause) {
			super(message, cause);
			this.code = code;
		}

	}

}
