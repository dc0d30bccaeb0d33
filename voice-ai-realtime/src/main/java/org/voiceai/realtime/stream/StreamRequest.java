package org.voiceai.realtime.stream;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.voiceai.audio.AudioEncoding;
import org.voiceai.audio.AudioFormat;
import org.voiceai.realtime.config.ReturnMode;
import org.voiceai.tenant.DomainId;

/**
 * What mod_audio_stream asked for, from the URL it connected to:
 * {@code /stream/{secretary_uuid}/{call_uuid}[/{caller_id}]?domain_uuid=…&rate=8000&encoding=l16&return_mode=file}.
 *
 * @param secretary the secretary to answer as
 * @param call FreeSWITCH's channel UUID, used for every ESL command
 * @param callerId the caller's number from the path, may be null
 * @param domain the call's FusionPBX domain, which must own the secretary
 * @param callerFormat what the binary frames hold
 * @param returnMode how agent audio goes back
 */
public record StreamRequest(UUID secretary, UUID call, String callerId, DomainId domain, AudioFormat callerFormat,
		ReturnMode returnMode) {

	/**
	 * @throws StreamRefusedException with {@link StreamCloseCodes#BAD_REQUEST} naming what is wrong
	 */
	public static StreamRequest parse(URI uri, ReturnMode defaultMode, int defaultRate) {
		String[] segments = uri.getRawPath().split("/");
		// "", "stream", secretary, call[, caller]
		if (segments.length < 4 || segments.length > 5 || !"stream".equals(segments[1])) {
			throw bad("expected /stream/{secretary_uuid}/{call_uuid}[/{caller_id}], got " + uri.getRawPath());
		}
		UUID secretary = uuid("secretary_uuid", segments[2]);
		UUID call = uuid("call_uuid", segments[3]);
		String callerId = (segments.length == 5) ? callerId(decode(segments[4])) : null;
		Map<String, String> query = query(uri.getRawQuery());
		DomainId domain;
		try {
			domain = DomainId.parse(query.get("domain_uuid"));
		}
		catch (IllegalArgumentException ex) {
			throw bad(ex.getMessage());
		}
		int rate = rate(query.getOrDefault("rate", Integer.toString(defaultRate)));
		AudioFormat format = format(query.getOrDefault("encoding", "l16"), rate);
		ReturnMode mode;
		try {
			mode = query.containsKey("return_mode") ? ReturnMode.parse(query.get("return_mode")) : defaultMode;
		}
		catch (IllegalArgumentException ex) {
			throw bad(ex.getMessage());
		}
		return new StreamRequest(secretary, call, callerId, domain, format, mode);
	}

	private static UUID uuid(String name, String text) {
		try {
			if (text.length() == 36) {
				return UUID.fromString(text);
			}
		}
		catch (IllegalArgumentException ex) {
			// reported below
		}
		throw bad(name + " is not a UUID");
	}

	private static String callerId(String text) {
		// A caller id is shown in logs and stored: keep what a number or SIP user can hold.
		if (text.isEmpty() || text.length() > 64 || !text.matches("[\\p{Alnum}+*#._@-]+")) {
			throw bad("caller_id holds unexpected characters");
		}
		return text;
	}

	private static int rate(String text) {
		String value = text.trim().toLowerCase(Locale.ROOT).replace("k", "000");
		if (!value.equals("8000") && !value.equals("16000")) {
			throw bad("rate must be 8000 or 16000");
		}
		return Integer.parseInt(value);
	}

	private static AudioFormat format(String encoding, int rate) {
		return switch (encoding.trim().toLowerCase(Locale.ROOT)) {
			case "l16", "pcm", "s16le" -> new AudioFormat(AudioEncoding.PCM16, rate, 1);
			case "pcmu", "ulaw" -> requireNarrowband(AudioFormat.ULAW_8K, rate);
			case "pcma", "alaw" -> requireNarrowband(AudioFormat.ALAW_8K, rate);
			default -> throw bad("encoding must be l16, pcmu or pcma");
		};
	}

	private static AudioFormat requireNarrowband(AudioFormat format, int rate) {
		if (rate != 8000) {
			throw bad("G.711 is 8000 Hz only");
		}
		return format;
	}

	private static Map<String, String> query(String raw) {
		Map<String, String> values = new HashMap<>();
		if (raw == null || raw.isEmpty()) {
			return values;
		}
		for (String pair : raw.split("&")) {
			int equals = pair.indexOf('=');
			if (equals > 0) {
				values.put(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
			}
		}
		return values;
	}

	private static String decode(String text) {
		try {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw bad("malformed percent-encoding");
		}
	}

	private static StreamRefusedException bad(String reason) {
		return new StreamRefusedException(StreamCloseCodes.BAD_REQUEST, reason);
	}

}
