package org.voiceai.realtime.call;

import java.time.Instant;
import java.util.UUID;

import org.voiceai.audio.AudioEncoding;
import org.voiceai.audio.AudioFormat;
import org.voiceai.realtime.stream.StreamMetadata;
import org.voiceai.realtime.stream.StreamRequest;
import org.voiceai.tenant.DomainId;
import org.voiceai.tenant.Secretary;

/**
 * The facts of one call that never change after it was accepted.
 *
 * @param request what mod_audio_stream asked for
 * @param metadata the optional first text frame
 * @param secretary the secretary answering, loaded for the call's domain
 * @param domainName the FusionPBX domain name: the dialplan context transfers go to
 * @param provider the realtime provider's name, for logs, metrics and the record; another one after a failover
 * @param startedAt when the stream was accepted
 */
public record CallContext(StreamRequest request, StreamMetadata metadata, Secretary secretary, String domainName,
		String provider, Instant startedAt) {

	/** The same call, now served by {@code next}. */
	public CallContext withProvider(String next) {
		return new CallContext(this.request, this.metadata, this.secretary, this.domainName, next, this.startedAt);
	}

	public UUID callUuid() {
		return this.request.call();
	}

	public DomainId domain() {
		return this.request.domain();
	}

	/** Agent audio always goes back as 16-bit PCM at the caller's rate, whatever the caller sends. */
	public AudioFormat agentFormat() {
		return new AudioFormat(AudioEncoding.PCM16, this.request.callerFormat().sampleRate(), 1);
	}

	/** The caller's number: from the URL path, else from the metadata; may be null. */
	public String callerIdNumber() {
		return (this.request.callerId() != null) ? this.request.callerId() : this.metadata.callerIdNumber();
	}

}
