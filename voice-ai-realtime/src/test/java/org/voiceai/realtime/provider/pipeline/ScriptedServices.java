package org.voiceai.realtime.provider.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.voiceai.audio.AudioEncoding;
import org.voiceai.audio.AudioFormat;
import org.voiceai.audio.Pcm16;
import org.voiceai.audio.Wav;
import org.voiceai.providers.error.ProviderUnavailableException;
import org.voiceai.providers.llm.ChatStreamEvent;
import org.voiceai.providers.tts.SpeechRequest;
import org.voiceai.providers.tts.SynthesizedAudio;

/**
 * A chat model and a text-to-speech whose answers a test scripts: each reply streams its pieces (optionally spaced
 * in time) and then completes, with tool calls if scripted; each sentence is spoken as {@link #SPEECH_MILLIS} ms of
 * tone at the requested rate. Requests and cancellations are recorded.
 */
final class ScriptedServices implements PipelineServices {

	static final int SPEECH_MILLIS = 400;

	static final String DEFAULT_REPLY = "Certo.";

	private final Queue<Script> replies = new ConcurrentLinkedQueue<>();

	final List<ChatRequest> requests = new CopyOnWriteArrayList<>();

	final List<SpeechRequest> speech = new CopyOnWriteArrayList<>();

	final AtomicInteger cancelledReplies = new AtomicInteger();

	private volatile boolean failing;

	/** The next reply streams these pieces of text as they come. */
	ScriptedServices reply(String... pieces) {
		this.replies.add(new Script(List.of(pieces), Duration.ZERO, List.of()));
		return this;
	}

	/** The next reply streams these pieces with {@code gap} between them. */
	ScriptedServices slowReply(Duration gap, String... pieces) {
		this.replies.add(new Script(List.of(pieces), gap, List.of()));
		return this;
	}

	/** The next reply says {@code text} (may be empty) and calls one tool. */
	ScriptedServices replyWithTool(String text, String callId, String name, String argumentsJson) {
		this.replies.add(new Script(text.isEmpty() ? List.of() : List.of(text), Duration.ZERO, List.of(
				ToolExecutionRequest.builder().id(callId).name(name).arguments(argumentsJson).build())));
		return this;
	}

	/** From now on the chat model is unavailable. */
	ScriptedServices failChat() {
		this.failing = true;
		return this;
	}

	@Override
	public Mono<Flux<ChatStreamEvent>> chat(ChatRequest request) {
		this.requests.add(request);
		if (this.failing) {
			return Mono.error(new ProviderUnavailableException("openai", "HTTP 503 from the chat model", null));
		}
		Script script = this.replies.poll();
		if (script == null) {
			script = new Script(List.of(DEFAULT_REPLY), Duration.ZERO, List.of());
		}
		String text = String.join("", script.pieces());
		AiMessage message = script.tools().isEmpty() ? AiMessage.from(text)
				: text.isEmpty() ? AiMessage.from(script.tools()) : AiMessage.from(text, script.tools());
		ChatResponse response = ChatResponse.builder()
			.aiMessage(message)
			.finishReason(script.tools().isEmpty() ? FinishReason.STOP : FinishReason.TOOL_EXECUTION)
			.build();
		Flux<ChatStreamEvent> pieces = Flux.fromIterable(script.pieces()).map(ChatStreamEvent.Text::new);
		if (!script.gap().isZero()) {
			pieces = pieces.delayElements(script.gap());
		}
		return Mono.just(pieces.concatWith(Mono.just(new ChatStreamEvent.Complete(response)))
			.doOnCancel(this.cancelledReplies::incrementAndGet));
	}

	@Override
	public Mono<SynthesizedAudio> speak(SpeechRequest request) {
		this.speech.add(request);
		return Mono.fromCallable(() -> {
			AudioFormat format = new AudioFormat(AudioEncoding.PCM16, request.sampleRate(), 1);
			short[] samples = new short[request.sampleRate() * SPEECH_MILLIS / 1000];
			for (int n = 0; n < samples.length; n++) {
				samples[n] = (short) (6000 * Math.sin(2 * Math.PI * 440 * n / request.sampleRate()));
			}
			byte[] pcm = Pcm16.toBytes(samples);
			return new SynthesizedAudio(Wav.write(format, pcm), request.sampleRate(), format.duration(pcm.length),
					"fake_tts");
		});
	}

	/** The texts spoken so far. */
	List<String> spokenTexts() {
		return this.speech.stream().map(SpeechRequest::text).toList();
	}

	private record Script(List<String> pieces, Duration gap, List<ToolExecutionRequest> tools) {
	}

}
