package org.voiceai.service.web;

import java.util.UUID;

/** The secretary does not exist in the caller's domain, or is disabled (answered with 404). */
public class SecretaryNotFoundException extends RuntimeException {

	public SecretaryNotFoundException(UUID secretary) {
		super("Secretary " + secretary + " does not exist in this domain or is disabled");
	}

}
