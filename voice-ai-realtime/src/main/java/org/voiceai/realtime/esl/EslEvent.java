package org.voiceai.realtime.esl;

import java.util.Map;
import java.util.Objects;

/**
 * One FreeSWITCH event as delivered in {@code text/event-json} form.
 *
 * @param name {@code Event-Name}, e.g. {@code CHANNEL_HANGUP} or {@code CUSTOM}
 * @param subclass {@code Event-Subclass} for {@code CUSTOM} events (e.g. {@code mod_audio_stream::play}), else
 * {@code null}
 * @param uniqueId {@code Unique-ID}: the channel the event is about, or {@code null} for events about no channel
 * @param headers every header, unmodifiable; the event body, if any, is under {@value #BODY}, as FreeSWITCH's JSON
 * form carries it
 */
public record EslEvent(String name, String subclass, String uniqueId, Map<String, String> headers) {

	/** The key of the event body in FreeSWITCH's JSON event form. */
	public static final String BODY = "_body";

	public EslEvent {
		Objects.requireNonNull(name, "name");
		headers = Map.copyOf(headers);
	}

	/** The header's value, or {@code null} when the event has no such header. */
	public String header(String name) {
		return this.headers.get(name);
	}

	/** The event body (for {@code mod_audio_stream::*} events, the module's JSON), or {@code null} if it has none. */
	public String body() {
		return this.headers.get(BODY);
	}

	/** Whether this is the {@code CUSTOM} event of that subclass. */
	public boolean isCustom(String subclass) {
		return "CUSTOM".equals(this.name) && subclass.equals(this.subclass);
	}

	@Override
	public String toString() {
		return "EslEvent[" + this.name + (this.subclass != null ? " " + this.subclass : "") + " " + this.uniqueId + "]";
	}

}
