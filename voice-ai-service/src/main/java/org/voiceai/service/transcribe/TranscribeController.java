package org.voiceai.service.transcribe;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;

import org.voiceai.service.audio.SharedAudioDirectory;
import org.voiceai.service.tenant.TenantWebFilter;
import org.voiceai.tenant.DomainId;

/** {@code POST /api/v1/transcribe}: audio as base64 JSON, a multipart upload, or a path in the shared directory. */
@RestController
class TranscribeController {

	private final TranscribeService transcriber;

	private final SharedAudioDirectory audio;

	TranscribeController(TranscribeService transcriber, SharedAudioDirectory audio) {
		this.transcriber = transcriber;
		this.audio = audio;
	}

	@PostMapping(path = "/api/v1/transcribe", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Transcribe a WAV given inline (audio_base64) or as a path in the shared audio directory")
	Mono<TranscribeResponse> transcribe(@Parameter(hidden = true) DomainId domain,
			@RequestBody TranscribeRequest request) {
		TenantWebFilter.requireSameDomain(domain, request.domainUuid());
		return IncomingAudio.fromJson(this.audio, request.audioBase64(), request.audioFile())
			.flatMap((wav) -> this.transcriber.transcribe(domain, wav, request.language(), request.provider(),
					request.secretaryUuid()));
	}

	@PostMapping(path = "/api/v1/transcribe", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Transcribe an uploaded WAV (multipart field 'file')")
	Mono<TranscribeResponse> upload(@Parameter(hidden = true) DomainId domain, @RequestPart("file") FilePart file,
			@RequestPart(name = "language", required = false) String language,
			@RequestPart(name = "provider", required = false) String provider,
			@RequestPart(name = "secretary_uuid", required = false) String secretary) {
		return IncomingAudio.fromPart(file)
			.flatMap((wav) -> this.transcriber.transcribe(domain, wav, language, provider,
					(secretary != null && !secretary.isBlank()) ? UUID.fromString(secretary.trim()) : null));
	}

}
