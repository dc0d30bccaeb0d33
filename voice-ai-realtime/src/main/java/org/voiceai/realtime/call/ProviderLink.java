package org.voiceai.realtime.call;

import org.voiceai.providers.realtime.RealtimeConversation;
import org.voiceai.realtime.audio.AudioConverter;

/**
 * A call's current provider conversation with the converters between its formats and the call's, replaced as a whole
 * when the call moves to another provider, so the caller's audio thread always sees a matching set.
 */
record ProviderLink(RealtimeConversation conversation, AudioConverter inbound, AudioConverter outbound) {

	static ProviderLink to(RealtimeConversation conversation, CallContext call) {
		return new ProviderLink(conversation,
				new AudioConverter(call.request().callerFormat(), conversation.inputFormat()),
				new AudioConverter(conversation.outputFormat(), call.agentFormat()));
	}

}
