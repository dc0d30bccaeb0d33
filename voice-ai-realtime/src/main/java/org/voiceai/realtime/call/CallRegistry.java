package org.voiceai.realtime.call;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.voiceai.realtime.esl.EslEvent;

/** The calls this instance is serving, by FreeSWITCH channel UUID; routes ESL events to their call. */
public class CallRegistry {

	private final Map<UUID, CallSession> calls = new ConcurrentHashMap<>();

	/** @return false when a call with this UUID is already being served (a duplicate stream) */
	public boolean add(CallSession session) {
		return this.calls.putIfAbsent(session.context().callUuid(), session) == null;
	}

	public void remove(CallSession session) {
		this.calls.remove(session.context().callUuid(), session);
	}

	public Collection<CallSession> active() {
		return this.calls.values();
	}

	public void route(EslEvent event) {
		if (event.uniqueId() == null) {
			return;
		}
		try {
			CallSession session = this.calls.get(UUID.fromString(event.uniqueId()));
			if (session != null) {
				session.onEslEvent(event);
			}
		}
		catch (IllegalArgumentException ex) {
			// Not a channel UUID: not one of ours.
		}
	}

}
