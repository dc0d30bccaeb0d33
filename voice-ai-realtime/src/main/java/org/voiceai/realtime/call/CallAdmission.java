package org.voiceai.realtime.call;

import reactor.core.publisher.Mono;

import org.voiceai.tenant.DomainId;

import java.util.UUID;

/** The per-domain limit on concurrent calls, shared with voice-ai-service. */
public interface CallAdmission {

	/** Emits whether the call may start; a call already admitted is admitted again. */
	Mono<Boolean> admit(DomainId domain, UUID call);

	/** Frees the call's slot; releasing twice is harmless. */
	Mono<Void> release(DomainId domain, UUID call);

}
