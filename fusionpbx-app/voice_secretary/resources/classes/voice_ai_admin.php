<?php
/*
	Voice Secretary: voice_ai_admin

	What the admin pages share: the service client and the secret cipher built from the default settings, a
	validator with the page's translated messages, and the domain's providers for the secretary's selects.
	The domain always comes from the caller (the session's domain_uuid), never from the request.
*/

	class voice_ai_admin {

		const app_name = 'voice_secretary';
		const app_uuid = 'f3118da8-184a-4ed2-a1b0-60f0e847e999';

		/** The links between the app's pages (each shown only with its view permission). */
		public static function nav(array $text, string $current): string {
			$pages = [
				'secretaries' => ['voice_secretary_view', 'secretaries.php', 'title-secretaries'],
				'providers' => ['voice_ai_provider_view', 'providers.php', 'title-providers'],
				'transfer_destinations' => ['voice_transfer_destination_view', 'transfer_destinations.php', 'title-transfer_destinations'],
				'documents' => ['voice_document_view', 'documents.php', 'title-documents'],
				'conversations' => ['voice_conversation_view', 'conversations.php', 'title-conversations'],
			];
			$links = [];
			foreach ($pages as $name => $page) {
				if (!permission_exists($page[0])) {
					continue;
				}
				$label = htmlspecialchars($text[$page[2]] ?? $name, ENT_QUOTES, 'UTF-8');
				$links[] = ($name === $current) ? "<b>".$label."</b>" : "<a href='".$page[1]."'>".$label."</a>";
			}
			return "<div class='voice-secretary-nav' style='margin-bottom:12px'>".implode(' &nbsp;|&nbsp; ', $links)."</div>\n";
		}

		/** A form row in FusionPBX's edit-page layout; $control is HTML already escaped by the helpers below. */
		public static function row(string $label, string $control, bool $required = false, string $help = '', ?string $error = null): string {
			$html = "<tr>\n	<td class='".($required ? 'vncellreq' : 'vncell')."' valign='top' align='left' nowrap='nowrap'>".self::e($label)."</td>\n";
			$html .= "	<td class='vtable' align='left'>".$control;
			if ($error !== null) {
				$html .= "<div class='error'>".self::e($error)."</div>";
			}
			if ($help !== '') {
				$html .= "<br>".self::e($help);
			}
			return $html."</td>\n</tr>\n";
		}

		public static function input(string $name, $value, string $type = 'text', string $placeholder = '', bool $required = false): string {
			return "<input class='formfld' type='".self::e($type)."' name='".self::e($name)."' id='".self::e($name)."' value=\"".self::e($value)."\""
				.($placeholder !== '' ? " placeholder=\"".self::e($placeholder)."\"" : '').($required ? " required='required'" : '').">";
		}

		public static function textarea(string $name, $value, int $rows = 4): string {
			return "<textarea class='formfld' name='".self::e($name)."' id='".self::e($name)."' rows='".$rows."'>".self::e($value)."</textarea>";
		}

		/** A select; $options value => label; $empty: label of an empty first option, null for none. */
		public static function select(string $name, array $options, $selected, ?string $empty = null): string {
			$html = "<select class='formfld' name='".self::e($name)."' id='".self::e($name)."'>";
			if ($empty !== null) {
				$html .= "<option value=''>".self::e($empty)."</option>";
			}
			foreach ($options as $value => $label) {
				$html .= "<option value=\"".self::e($value)."\"".((string) $value === (string) $selected ? " selected='selected'" : '').">".self::e($label)."</option>";
			}
			return $html."</select>";
		}

		/** A true/false select as FusionPBX edit pages show booleans. */
		public static function boolean(string $name, $value, array $text): string {
			return self::select($name, ['true' => $text['label-true'] ?? 'True', 'false' => $text['label-false'] ?? 'False'], ($value === true || $value === 'true' || $value === 't') ? 'true' : 'false');
		}

		/** The CSRF token fields of a form. */
		public static function token_input(array $token): string {
			return "<input type='hidden' name='".self::e($token['name'])."' value='".self::e($token['hash'])."'>";
		}

		/** HTML-escapes like FusionPBX's escape(). */
		public static function e($value): string {
			return htmlspecialchars((string) $value, ENT_QUOTES, 'UTF-8');
		}

		/** The service client for the logged-in domain. */
		public static function service($settings, string $domain_uuid): voice_ai_service_client {
			return new voice_ai_service_client(
				(string) $settings->get('voice_secretary', 'service_url', 'http://127.0.0.1:8100'),
				(string) $settings->get('voice_secretary', 'service_token', ''),
				$domain_uuid);
		}

		/** The secret cipher, or null when the key file is missing or invalid (pages then refuse new secrets). */
		public static function secrets($settings): ?voice_ai_secrets {
			try {
				return voice_ai_secrets::from_file((string) $settings->get('voice_secretary', 'secret_key_file', '/etc/voice-ai/secret.key'));
			}
			catch (Exception $e) {
				return null;
			}
		}

		/** A validator speaking the page's language ($text from app_languages.php). */
		public static function validator(array $text): voice_ai_validator {
			$formats = [];
			foreach (['required', 'integer', 'decimal', 'choice', 'uuid', 'url', 'json', 'time', 'timezone', 'length'] as $kind) {
				if (!empty($text['message-invalid_'.$kind])) {
					$formats[$kind] = $text['message-invalid_'.$kind];
				}
			}
			return new voice_ai_validator($formats);
		}

		/** The domain's providers of one type: uuid => label. */
		public static function providers($database, string $domain_uuid, string $type): array {
			$sql = "select voice_ai_provider_uuid, provider_name, display_name from v_voice_ai_providers ";
			$sql .= "where domain_uuid = :domain_uuid and provider_type = :provider_type order by is_default desc, priority asc, display_name asc";
			$rows = $database->select($sql, ['domain_uuid' => $domain_uuid, 'provider_type' => $type], 'all');
			$providers = [];
			foreach (is_array($rows) ? $rows : [] as $row) {
				$providers[$row['voice_ai_provider_uuid']] = ($row['display_name'] ?: $row['provider_name']).' ('.$row['provider_name'].')';
			}
			return $providers;
		}

		/** The domain's secretaries: uuid => name. */
		public static function secretaries($database, string $domain_uuid): array {
			$rows = $database->select("select voice_secretary_uuid, secretary_name from v_voice_secretaries where domain_uuid = :domain_uuid order by secretary_name asc",
				['domain_uuid' => $domain_uuid], 'all');
			$secretaries = [];
			foreach (is_array($rows) ? $rows : [] as $row) {
				$secretaries[$row['voice_secretary_uuid']] = $row['secretary_name'];
			}
			return $secretaries;
		}

		/** Whether a row of a table belongs to the domain (edit and delete check this before touching a uuid from the request). */
		public static function owns($database, string $table, string $key, $uuid, string $domain_uuid): bool {
			if (!is_string($uuid) || !voice_ai_validator::is_uuid($uuid)) {
				return false;
			}
			$sql = "select count(*) from ".$table." where ".$key." = :uuid and domain_uuid = :domain_uuid";
			return (int) $database->select($sql, ['uuid' => $uuid, 'domain_uuid' => $domain_uuid], 'column') === 1;
		}

	}

?>
