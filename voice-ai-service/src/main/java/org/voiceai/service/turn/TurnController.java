package org.voiceai.service.turn;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;

import org.voiceai.service.audio.SharedAudioDirectory;
import org.voiceai.service.tenant.TenantWebFilter;
import org.voiceai.service.transcribe.IncomingAudio;
import org.voiceai.tenant.DomainId;

/**
 * {@code POST /api/v1/turn}: transcribe, answer and speak in one round trip. The audio comes as {@code /transcribe}
 * takes it; the answer follows {@code /chat}'s rules.
 */
@RestController
class TurnController {

	private final TurnService turns;

	private final SharedAudioDirectory audio;

	TurnController(TurnService turns, SharedAudioDirectory audio) {
		this.turns = turns;
		this.audio = audio;
	}

	@PostMapping(path = "/api/v1/turn", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "One turn: the caller's WAV (audio_base64 or audio_file in the shared directory) in; "
			+ "transcript, reply, action and the reply's WAV out. No words heard: no_speech true, action continue, "
			+ "no audio")
	@ApiResponse(responseCode = "429", description = "A new call over the domain's concurrent-call limit, or the "
			+ "rate limit; Retry-After says when to try again")
	Mono<TurnReply> turn(@Parameter(hidden = true) DomainId domain, @RequestBody TurnRequest request) {
		TenantWebFilter.requireSameDomain(domain, request.domainUuid());
		return Mono.fromCallable(request::toCommand)
			.flatMap((command) -> IncomingAudio.fromJson(this.audio, request.audioBase64(), request.audioFile())
				.flatMap((wav) -> this.turns.turn(domain, command, wav)));
	}

	@PostMapping(path = "/api/v1/turn", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "One turn with the caller's WAV uploaded (multipart field 'file')")
	Mono<TurnReply> upload(@Parameter(hidden = true) DomainId domain, @RequestPart("file") FilePart file,
			@RequestPart("session_id") String sessionId, @RequestPart("secretary_uuid") String secretaryUuid,
			@RequestPart(name = "caller_id", required = false) String callerId,
			@RequestPart(name = "language", required = false) String language,
			@RequestPart(name = "sample_rate", required = false) String sampleRate,
			@RequestPart(name = "use_rag", required = false) String useRag) {
		return Mono.fromCallable(() -> new TurnCommand(uuid("session_id", sessionId), uuid("secretary_uuid",
				secretaryUuid), callerId, language, (sampleRate != null) ? number("sample_rate", sampleRate) : 8000,
				useRag == null || Boolean.parseBoolean(useRag.strip())))
			.flatMap((command) -> IncomingAudio.fromPart(file).flatMap((wav) -> this.turns.turn(domain, command, wav)));
	}

	private static UUID uuid(String name, String value) {
		try {
			return UUID.fromString(value.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(name + " must be a UUID");
		}
	}

	private static int number(String name, String value) {
		try {
			return Integer.parseInt(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(name + " must be a number");
		}
	}

}
