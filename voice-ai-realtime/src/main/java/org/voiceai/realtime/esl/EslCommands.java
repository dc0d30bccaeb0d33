package org.voiceai.realtime.esl;

import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

/**
 * The call-control commands the bridge sends, built so that no argument can smuggle in a second command or extra
 * arguments: call UUIDs must parse as UUIDs, and destination numbers, dialplan contexts and file paths are limited to
 * characters that cannot break a command line (no spaces, line breaks, quotes, {@code |} or {@code ::} that would
 * turn a path into an application call). Invalid arguments fail with {@link IllegalArgumentException} before anything
 * is sent.
 */
public final class EslCommands {

	/** Extensions, feature codes and E.164 numbers: {@code 1001}, {@code *98}, {@code +4930123}, {@code 9#}. */
	private static final Pattern NUMBER = Pattern.compile("[0-9A-Za-z+*#._-]{1,64}");

	/** FusionPBX contexts are domain names (or {@code public}, {@code default}). */
	private static final Pattern CONTEXT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,253}");

	/** Absolute file paths as mod_audio_stream writes them: {@code /tmp/<uuid>_3.tmp.r16}. */
	private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._/+-]{1,1023}");

	private final EslGateway gateway;

	public EslCommands(EslGateway gateway) {
		this.gateway = Objects.requireNonNull(gateway, "gateway");
	}

	/** Blind transfer into the dialplan: {@code uuid_transfer <uuid> <number> XML <context>}. */
	public Mono<String> transfer(String callUuid, String number, String context) {
		return send(() -> "uuid_transfer " + uuid(callUuid) + " " + checked("number", number, NUMBER) + " XML "
				+ checked("context", context, CONTEXT));
	}

	/** Hangs the call up with the default cause: {@code uuid_kill <uuid>}. */
	public Mono<String> kill(String callUuid) {
		return send(() -> "uuid_kill " + uuid(callUuid));
	}

	/** Plays a file to the caller: {@code uuid_broadcast <uuid> <path> aleg}. */
	public Mono<String> broadcast(String callUuid, String path) {
		return send(() -> {
			String checked = checked("path", path, PATH);
			if (checked.contains("/../") || checked.endsWith("/..")) {
				throw new IllegalArgumentException("path must not climb directories: " + path);
			}
			return "uuid_broadcast " + uuid(callUuid) + " " + checked + " aleg";
		});
	}

	/** Stops the current playback and flushes queued ones: {@code uuid_break <uuid> all}. */
	public Mono<String> breakAll(String callUuid) {
		return send(() -> "uuid_break " + uuid(callUuid) + " all");
	}

	/** Stops mod_audio_stream on the call: {@code uuid_audio_stream <uuid> stop}. */
	public Mono<String> audioStreamStop(String callUuid) {
		return send(() -> "uuid_audio_stream " + uuid(callUuid) + " stop");
	}

	private Mono<String> send(Supplier<String> command) {
		return Mono.fromSupplier(command).flatMap(this.gateway::api);
	}

	/** Exactly a UUID in its 36-character form, so {@code "x\nuuid_kill y"} or a UUID with trailing text cannot pass. */
	private static String uuid(String callUuid) {
		if (callUuid != null && callUuid.length() == 36) {
			try {
				if (UUID.fromString(callUuid).toString().equalsIgnoreCase(callUuid)) {
					return callUuid;
				}
			}
			catch (IllegalArgumentException ex) {
				// reported below, with the value
			}
		}
		throw new IllegalArgumentException("call UUID must be a UUID like 0a1b2c3d-…, was: " + printable(callUuid));
	}

	private static String checked(String what, String value, Pattern allowed) {
		if (value == null || !allowed.matcher(value).matches()) {
			throw new IllegalArgumentException(
					what + " has characters not allowed in an ESL command (or is empty/too long): " + printable(value));
		}
		return value;
	}

	/** Shows control characters as escapes, so a log line with a rejected value stays one line. */
	private static String printable(String value) {
		if (value == null) {
			return "null";
		}
		return value.replace("\r", "\\r").replace("\n", "\\n");
	}

}
