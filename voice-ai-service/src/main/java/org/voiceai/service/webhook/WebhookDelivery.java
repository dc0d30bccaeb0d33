package org.voiceai.service.webhook;

import java.util.UUID;

import org.voiceai.tenant.DomainId;

/**
 * A delivery claimed for one attempt.
 *
 * @param uuid {@code voice_webhook_delivery_uuid}, sent as {@code X-Voice-AI-Delivery} so receivers can drop repeats
 * @param payload the JSON body exactly as stored
 * @param attempts attempts so far, this one included
 */
record WebhookDelivery(UUID uuid, DomainId domain, String eventType, String targetUrl, String payload, int attempts) {
}
