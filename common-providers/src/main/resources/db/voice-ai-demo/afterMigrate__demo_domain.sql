-- Embedded default only: a fresh embedded database gets one demo domain so the services are usable at once.
-- Runs after every migrate and does nothing once any domain exists.
INSERT INTO v_domains (domain_uuid, domain_name, domain_enabled, domain_description)
SELECT '5f0c5e2a-6d1b-4c55-9a51-000000000001', 'demo.voice-ai.local', true, 'Demo domain created by voice-ai'
WHERE NOT EXISTS (SELECT 1 FROM v_domains);
