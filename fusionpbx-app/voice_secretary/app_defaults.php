<?php
/*
	Voice Secretary: run by FusionPBX's upgrade (upgrade.php --defaults) once per domain, with $domain_uuid,
	$domain_name, $database and $settings in scope; $domains_processed is 1 for the first domain.

	The default settings themselves are declared in app_config.php (FusionPBX adds the missing ones).
	Here: the secret key file. Provider secrets are stored encrypted with the key in the file named by
	voice_secretary > secret_key_file; without it the provider page cannot store an API key. When the file
	does not exist and its folder is writable, create it once with a fresh random key, readable by its owner and
	the www-data group only.
	The same key must then be given to the Java services (VOICE_AI_SECRET_KEY).
*/

	if (($domains_processed ?? 1) == 1) {
		$voice_ai_key_file = $settings->get('voice_secretary', 'secret_key_file', '/etc/voice-ai/secret.key');
		if (is_string($voice_ai_key_file) && $voice_ai_key_file !== '' && !file_exists($voice_ai_key_file)) {
			$voice_ai_key_dir = dirname($voice_ai_key_file);
			if (!is_dir($voice_ai_key_dir)) {
				@mkdir($voice_ai_key_dir, 0755, true);
			}
			if (is_dir($voice_ai_key_dir) && is_writable($voice_ai_key_dir)) {
				$voice_ai_old_umask = umask(0077);
				file_put_contents($voice_ai_key_file, base64_encode(random_bytes(32))."\n");
				umask($voice_ai_old_umask);
				//the upgrade runs as root; the pages run as www-data: let its group read the key, no one else
				@chgrp($voice_ai_key_dir, 'www-data');
				@chmod($voice_ai_key_dir, 0750);
				@chgrp($voice_ai_key_file, 'www-data');
				@chmod($voice_ai_key_file, 0640);
				echo "voice_secretary: created the secret key file ".$voice_ai_key_file." (give the same key to the voice-ai services as VOICE_AI_SECRET_KEY)\n";
			}
		}
		unset($voice_ai_key_file, $voice_ai_key_dir, $voice_ai_old_umask);
	}

?>
