package org.voiceai.realtime.esl;

import java.util.Map;

/**
 * One framed message from FreeSWITCH: the header block and, when it had a {@code Content-Length}, the body decoded as
 * UTF-8.
 *
 * @param headers the outer headers, in order of arrival
 * @param body the body, or the empty string for header-only messages ({@code auth/request}, {@code command/reply})
 */
record EslMessage(Map<String, String> headers, String body) {

	String contentType() {
		return this.headers.getOrDefault("Content-Type", "");
	}

	String header(String name) {
		return this.headers.get(name);
	}

}
