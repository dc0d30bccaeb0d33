package org.voiceai.service.turn;

import reactor.core.publisher.Mono;

import org.voiceai.logging.LogContext;
import org.voiceai.service.chat.ChatCommand;
import org.voiceai.service.chat.ChatReply;
import org.voiceai.service.chat.ChatService;
import org.voiceai.service.synthesize.SynthesizeCommand;
import org.voiceai.service.synthesize.SynthesizeService;
import org.voiceai.service.transcribe.TranscribeResponse;
import org.voiceai.service.transcribe.TranscribeService;
import org.voiceai.service.web.SecretaryNotFoundException;
import org.voiceai.tenant.DomainId;
import org.voiceai.tenant.SecretaryRepository;

/**
 * One whole turn in one round trip: transcribe the caller, let the secretary answer (exactly as {@code /chat} does:
 * history, knowledge, actions, stored messages, the concurrent-call limit), and speak the answer. The model's reply
 * is streamed and its first sentence is synthesized the moment it is complete, while the model writes the rest; the
 * rest is then synthesized and joined to it into one WAV.
 */
public class TurnService {

	private final SecretaryRepository secretaries;

	private final TranscribeService transcriber;

	private final ChatService chat;

	private final SynthesizeService synthesizer;

	public TurnService(SecretaryRepository secretaries, TranscribeService transcriber, ChatService chat,
			SynthesizeService synthesizer) {
		this.secretaries = secretaries;
		this.transcriber = transcriber;
		this.chat = chat;
		this.synthesizer = synthesizer;
	}

	public Mono<TurnReply> turn(DomainId domain, TurnCommand command, byte[] wav) {
		long started = System.nanoTime();
		// The secretary first: another domain's secretary costs this domain no transcription.
		return this.secretaries.find(domain, command.secretary())
			.switchIfEmpty(Mono.error(() -> new SecretaryNotFoundException(command.secretary())))
			.then(this.transcriber.transcribe(domain, wav, command.language(), null, command.secretary()))
			.flatMap((heard) -> {
				String transcript = (heard.text() != null) ? heard.text().strip() : "";
				if (transcript.isEmpty()) {
					return Mono.just(TurnReply.noSpeech(command.sampleRate(), new TurnLatency((int) heard.latencyMs(),
							null, null, null, null, millisSince(started))));
				}
				return answer(domain, command, heard, transcript, started);
			})
			.contextWrite(LogContext.of(domain, command.call()));
	}

	private Mono<TurnReply> answer(DomainId domain, TurnCommand command, TranscribeResponse heard, String transcript,
			long started) {
		FirstSentence first = new FirstSentence((sentence) -> speak(domain, command, sentence));
		ChatCommand message = new ChatCommand(command.call(), command.secretary(), transcript,
				command.callerIdNumber(), command.useKnowledge(), null);
		return this.chat.chat(domain, message, first::accept).flatMap((reply) -> {
			long replied = System.nanoTime();
			return speech(domain, command, reply.text(), first)
				.map((speech) -> reply(transcript, reply, speech, heard, started, replied))
				.defaultIfEmpty(reply(transcript, reply, null, heard, started, replied));
		});
	}

	/**
	 * The whole reply's speech: the first sentence's (already under way) joined with the rest's, or, when the final
	 * text does not begin with what was streamed (markers removed, a transfer replaced), the final text alone.
	 */
	private Mono<Speech> speech(DomainId domain, TurnCommand command, String text, FirstSentence first) {
		if (text == null || text.isBlank()) {
			return Mono.empty();
		}
		String sentence = first.sentence();
		if (sentence == null || !text.startsWith(sentence)) {
			return speak(domain, command, text);
		}
		String rest = text.substring(sentence.length()).strip();
		if (rest.isEmpty()) {
			return first.speech();
		}
		return Mono.zip(first.speech(), speak(domain, command, rest))
			.flatMap((parts) -> this.synthesizer.join(domain, parts.getT1().audio(), parts.getT2().audio())
				.map((joined) -> Speech.now(joined).after(parts.getT1())));
	}

	private Mono<Speech> speak(DomainId domain, TurnCommand command, String text) {
		return this.synthesizer
			.synthesize(domain, new SynthesizeCommand(text, null, null, command.sampleRate(), null, null,
					command.secretary()))
			.map(Speech::now);
	}

	private static TurnReply reply(String transcript, ChatReply reply, Speech speech, TranscribeResponse heard,
			long started, long replied) {
		long now = System.nanoTime();
		TurnLatency latency = new TurnLatency((int) heard.latencyMs(), reply.latency().rag(), reply.latency().llm(),
				(speech != null) ? millisBetween(replied, Math.max(replied, speech.readyAt())) : null,
				(speech != null) ? millisBetween(started, speech.firstReadyAt()) : null, millisBetween(started, now));
		if (speech == null) {
			return new TurnReply(transcript, reply.text(), reply.action(), reply.transferExtension(),
					reply.transferDestination(), reply.ragSources(), null, null, 0, 0, false, latency);
		}
		return new TurnReply(transcript, reply.text(), reply.action(), reply.transferExtension(),
				reply.transferDestination(), reply.ragSources(), speech.audio().audioFile(), speech.audio().audioUrl(),
				speech.audio().durationMs(), speech.audio().sampleRate(), false, latency);
	}

	private static int millisSince(long nanos) {
		return millisBetween(nanos, System.nanoTime());
	}

	private static int millisBetween(long from, long to) {
		return (int) ((to - from) / 1_000_000);
	}

}
