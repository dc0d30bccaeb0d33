package org.voiceai.realtime.esl;

import java.util.Map;

/** One event from FreeSWITCH. */
public record EslEvent(String name, String subclass, String uniqueId, Map<String, String> headers) {

	public String header(String name) {
		return this.headers.get(name);
	}

}
