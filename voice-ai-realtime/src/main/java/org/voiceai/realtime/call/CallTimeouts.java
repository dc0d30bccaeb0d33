package org.voiceai.realtime.call;

import java.time.Duration;

/**
 * A call's time limits, from the secretary's row and the bridge's settings.
 *
 * @param idle no caller speech and no agent audio for this long: reprompt once, then say goodbye
 * @param maxDuration the longest a call may last before the secretary says goodbye
 * @param action how long a transfer or hang-up waits for its announcement before going ahead anyway
 */
public record CallTimeouts(Duration idle, Duration maxDuration, Duration action) {

}
