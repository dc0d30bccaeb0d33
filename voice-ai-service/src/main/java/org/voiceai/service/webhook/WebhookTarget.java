package org.voiceai.service.webhook;

/**
 * Where a webhook goes, as vetted when it is queued.
 *
 * @param url the secretary's {@code webhook_url}
 * @param refusal why {@link SafeUrlPolicy} refuses it, or null: a refused delivery is stored as 'dead' with this
 * as {@code last_error}, so the admin sees why nothing arrived
 */
public record WebhookTarget(String url, String refusal) {
}
