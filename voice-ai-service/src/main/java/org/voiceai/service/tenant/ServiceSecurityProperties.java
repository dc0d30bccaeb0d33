package org.voiceai.service.tenant;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How callers are checked ({@code voice-ai.service.*}). The bearer token itself ({@code voice-ai.service.token},
 * VOICE_AI_SERVICE_TOKEN) is shared with voice-ai-realtime and read by {@link org.voiceai.tenant.ServiceToken}.
 *
 * @param domainCacheTtl how long a domain's existence and enabled flag are cached
 */
@ConfigurationProperties("voice-ai.service")
public record ServiceSecurityProperties(@DefaultValue("30s") Duration domainCacheTtl) {

}
