package org.voiceai.tenant;

import java.util.Objects;
import java.util.UUID;

/**
 * A FusionPBX domain (tenant), identified by {@code v_domains.domain_uuid}. Every query and every cache key carries
 * one, so that no data crosses tenants.
 */
public record DomainId(UUID value) {

	public DomainId {
		Objects.requireNonNull(value, "domain_uuid");
	}

	/**
	 * Parses a domain UUID as it arrives from a header, a URL or a channel variable.
	 * @throws IllegalArgumentException with a message fit for the caller when the text is not a UUID
	 */
	public static DomainId parse(String text) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("domain_uuid is required");
		}
		String trimmed = text.trim();
		try {
			// UUID.fromString also accepts short forms such as "1-2-3-4-5"; FusionPBX UUIDs are always 36 characters.
			if (trimmed.length() != 36) {
				throw new IllegalArgumentException();
			}
			return new DomainId(UUID.fromString(trimmed));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("domain_uuid is not a UUID: '" + abbreviate(text) + "'");
		}
	}

	private static String abbreviate(String text) {
		return (text.length() > 40) ? text.substring(0, 40) + "…" : text;
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
