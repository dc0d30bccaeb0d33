package org.voiceai.transfer;

import java.util.List;
import java.util.UUID;

/**
 * Somewhere a call can be transferred ({@code v_voice_transfer_destinations}).
 *
 * @param uuid {@code voice_transfer_destination_uuid}
 * @param secretaryUuid the secretary it belongs to, or {@code null} for all of the domain's secretaries
 * @param name what callers ask for ("Financeiro")
 * @param aliases other words callers use ("contas", "boletos")
 * @param type extension, ring_group, queue, voicemail or external
 * @param number the dialable destination (extension, ring-group number, ...)
 * @param context dialplan context, {@code null} = the domain's
 * @param ringTimeoutSeconds how long to ring before the fallback
 * @param fallbackAction what to do when nobody answers
 * @param department department name, also matched
 * @param description shown to the model so it can choose well
 * @param workingHours when it takes calls
 * @param priority lower first when several match equally
 * @param isDefault the destination for "a human, please" without a department
 */
public record TransferDestination(UUID uuid, UUID secretaryUuid, String name, List<String> aliases, String type,
		String number, String context, int ringTimeoutSeconds, String fallbackAction, String department,
		String description, WorkingHours workingHours, int priority, boolean isDefault) {

	public TransferDestination {
		aliases = List.copyOf(aliases);
	}

}
