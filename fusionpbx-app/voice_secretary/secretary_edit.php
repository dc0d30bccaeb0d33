<?php
/*
	Voice Secretary: add or edit an AI secretary (every column of v_voice_secretaries, grouped; advanced tuning collapsed).
*/

//includes files
	require_once dirname(__DIR__, 2) . "/resources/require.php";
	require_once "resources/check_auth.php";

//the domain comes from the session only, never from the request
	$domain_uuid = $_SESSION['domain_uuid'];

//add multi-lingual support
	$language = new text;
	$text = $language->get();

//name the app in FusionPBX's transaction log of saves and deletes
	$database->app_name = voice_ai_admin::app_name;
	$database->app_uuid = voice_ai_admin::app_uuid;

//the row to edit: only a row of the session's domain
	$id = $_REQUEST['id'] ?? ($_POST['voice_secretary_uuid'] ?? '');
	$action = is_uuid($id) ? 'update' : 'add';
	if (!permission_exists($action == 'update' ? 'voice_secretary_edit' : 'voice_secretary_add')) {
		echo "access denied";
		exit;
	}
	if ($action == 'update' && !voice_ai_admin::owns($database, 'v_voice_secretaries', 'voice_secretary_uuid', $id, $domain_uuid)) {
		message::add($text['message-not_found'], 'negative');
		header('Location: secretaries.php');
		exit;
	}

//the fields, grouped as the form shows them: name => [kind, required, options or range]
	$mode_options = ['turn_based' => $text['option-turn_based'], 'realtime' => $text['option-realtime'], 'auto' => $text['option-auto']];
	$language_options = ['pt-BR' => 'Português (Brasil)', 'en-US' => 'English (US)', 'es-ES' => 'Español'];
	$fallback_options = ['hangup' => $text['option-hangup'], 'transfer' => $text['option-transfer'], 'take_message' => $text['option-take_message']];
	$provider_options = [];
	foreach (['stt', 'tts', 'llm', 'embeddings', 'realtime'] as $type) {
		$provider_options[$type] = voice_ai_admin::providers($database, $domain_uuid, $type);
	}
	//realtime mode needs a realtime row the bridge can use (the bridge takes enabled rows only)
	$realtime_enabled = (int) $database->select("select count(*) from v_voice_ai_providers where domain_uuid = :domain_uuid and provider_type = 'realtime' and cast(enabled as text) = 'true'",
		['domain_uuid' => $domain_uuid], 'column');
	$groups = [
		'general' => [
			'secretary_name' => ['text', true], 'company_name' => ['text', false], 'extension' => ['text', false],
			'processing_mode' => ['choice', true, $mode_options], 'language' => ['choice', true, $language_options],
			'enabled' => ['boolean', false], 'description' => ['textarea', false],
		],
		'conversation' => [
			'personality_prompt' => ['textarea', false], 'greeting_message' => ['textarea', false], 'farewell_message' => ['textarea', false],
			'farewell_keywords' => ['text', false], 'fallback_message' => ['textarea', false], 'transfer_message' => ['textarea', false],
			'outside_hours_message' => ['textarea', false],
		],
		'providers' => [
			'stt_provider_uuid' => ['provider', false, $provider_options['stt']], 'tts_provider_uuid' => ['provider', false, $provider_options['tts']],
			'llm_provider_uuid' => ['provider', false, $provider_options['llm']], 'embeddings_provider_uuid' => ['provider', false, $provider_options['embeddings']],
			'realtime_provider_uuid' => ['provider', false, $provider_options['realtime']],
			'tts_voice_id' => ['text', false], 'tts_speed' => ['decimal', false, [0.25, 4]], 'llm_model_override' => ['text', false],
			'llm_temperature' => ['decimal', false, [0, 2]], 'llm_max_tokens' => ['integer', false, [1, 32000]],
		],
		'transfer' => [
			'transfer_extension' => ['text', false], 'fallback_action' => ['choice', false, $fallback_options],
			'presence_check_enabled' => ['boolean', false], 'time_condition_uuid' => ['uuid', false], 'webhook_url' => ['url', false],
		],
		'advanced' => [
			'max_turns' => ['integer', false, [1, 200]], 'idle_timeout_seconds' => ['integer', false, [5, 3600]],
			'max_duration_seconds' => ['integer', false, [30, 14400]], 'silence_timeout_ms' => ['integer', false, [200, 30000]],
			'max_recording_seconds' => ['integer', false, [3, 300]], 'business_info' => ['json', false], 'advanced_settings' => ['json', false],
		],
	];

//process the form
	$errors = [];
	if ($_SERVER['REQUEST_METHOD'] == 'POST') {
		$token = new token;
		if (!$token->validate($_SERVER['PHP_SELF'])) {
			message::add($text['message-invalid_token'], 'negative');
			header('Location: secretaries.php');
			exit;
		}
		$validator = voice_ai_admin::validator($text);
		$row = [];
		foreach ($groups as $fields) {
			foreach ($fields as $name => $field) {
				$label = $text['label-'.$name];
				$value = $_POST[$name] ?? null;
				switch ($field[0]) {
					case 'boolean': $row[$name] = $validator->boolean($value); break;
					case 'choice': $row[$name] = $validator->choice($name, $label, $value, array_keys($field[2]), $field[1]); break;
					case 'provider': $row[$name] = $validator->choice($name, $label, $value, array_keys($field[2]), false); break;
					case 'integer': $row[$name] = $validator->integer($name, $label, $value, $field[2][0], $field[2][1], $field[1]); break;
					case 'decimal': $row[$name] = $validator->decimal($name, $label, $value, $field[2][0], $field[2][1], $field[1]); break;
					case 'uuid': $row[$name] = $validator->uuid($name, $label, $value, $field[1]); break;
					case 'url': $row[$name] = $validator->url($name, $label, $value, $field[1]); break;
					case 'json': $row[$name] = $validator->json_object($name, $label, $value); break;
					default: $row[$name] = $validator->text($name, $label, $value, $field[1], 20000);
				}
			}
		}
		if ($row['processing_mode'] == 'realtime' && $realtime_enabled == 0) {
			$validator->fail('processing_mode', $text['message-realtime_without_provider'], $text['label-processing_mode']);
		}
		if ($validator->valid()) {
			$row['voice_secretary_uuid'] = ($action == 'update') ? $id : uuid();
			$row['domain_uuid'] = $domain_uuid;
			foreach ($row as $name => $value) {
				$array['voice_secretaries'][0][$name] = $value ?? '';
			}
			if ($database->save($array)) {
				message::add($action == 'update' ? $text['message-update'] : $text['message-add']);
				header('Location: secretaries.php');
				exit;
			}
			$errors['secretary_name'] = $text['message-save_failed'];
		}
		else {
			$errors = $validator->errors();
		}
		//show the submitted values again with the messages
		$secretary = [];
		foreach ($groups as $fields) {
			foreach ($fields as $name => $field) {
				$secretary[$name] = is_scalar($_POST[$name] ?? null) ? $_POST[$name] : '';
			}
		}
	}
	elseif ($action == 'update') {
		$sql = "select *, cast(enabled as text) as enabled, cast(presence_check_enabled as text) as presence_check_enabled ";
		$sql .= "from v_voice_secretaries where voice_secretary_uuid = :uuid and domain_uuid = :domain_uuid";
		$secretary = $database->select($sql, ['uuid' => $id, 'domain_uuid' => $domain_uuid], 'row');
		foreach (['business_info', 'advanced_settings'] as $name) {
			$decoded = json_decode((string) $secretary[$name], true);
			$secretary[$name] = is_array($decoded) && count($decoded) ? json_encode($decoded, JSON_PRETTY_PRINT | JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES) : '';
		}
	}
	else {
		$secretary = ['processing_mode' => 'turn_based', 'language' => 'pt-BR', 'enabled' => 'true', 'tts_speed' => '1.0',
			'llm_temperature' => '0.7', 'llm_max_tokens' => '500', 'max_turns' => '20', 'idle_timeout_seconds' => '30',
			'max_duration_seconds' => '600', 'silence_timeout_ms' => '3000', 'max_recording_seconds' => '30',
			'fallback_action' => 'hangup', 'presence_check_enabled' => 'true'];
	}

//create token
	$object = new token;
	$token = $object->create($_SERVER['PHP_SELF']);

//include the header
	$document['title'] = $text['title-secretary'];
	require_once "resources/header.php";

//show the form
	echo voice_ai_admin::nav($text, 'secretaries');
	echo "<form method='post' name='frm' id='frm' action='secretary_edit.php'>\n";
	echo "<div class='action_bar' id='action_bar'>\n";
	echo "	<div class='heading'><b>".escape($text['title-secretary'])."</b></div>\n";
	echo "	<div class='actions'>\n";
	echo button::create(['type' => 'button', 'label' => escape($text['button-back']), 'id' => 'btn_back', 'link' => 'secretaries.php']);
	echo button::create(['type' => 'submit', 'label' => escape($text['button-save']), 'id' => 'btn_save']);
	echo "	</div>\n";
	echo "</div>\n";
	if ($errors) {
		echo "<div class='message message-negative' role='alert'>".escape($text['message-check_fields'])."</div>\n";
	}
	foreach ($groups as $group => $fields) {
		if ($group == 'advanced') {
			echo "<details id='advanced'".(array_intersect_key($errors, $fields) ? " open" : "")."><summary>".escape($text['section-advanced'])."</summary>\n";
		}
		else {
			echo "<div class='section'>".escape($text['section-'.$group])."</div>\n";
		}
		echo "<table width='100%' border='0' cellpadding='0' cellspacing='0'>\n";
		foreach ($fields as $name => $field) {
			$value = $secretary[$name] ?? '';
			switch ($field[0]) {
				case 'boolean': $control = voice_ai_admin::boolean($name, $value, $text); break;
				case 'choice': $control = voice_ai_admin::select($name, $field[2], $value, $field[1] ? null : ''); break;
				case 'provider': $control = voice_ai_admin::select($name, $field[2], $value, $text['option-domain_default']); break;
				case 'textarea': $control = voice_ai_admin::textarea($name, $value, $name == 'personality_prompt' ? 8 : 2); break;
				case 'json': $control = voice_ai_admin::textarea($name, $value, 4); break;
				default: $control = voice_ai_admin::input($name, $value, $field[0] == 'url' ? 'url' : 'text', '', $field[1]);
			}
			if ($name == 'processing_mode') {
				//what realtime needs on the FreeSWITCH side, and a way to the missing provider
				$control .= "<div class='realtime-note' id='realtime_note'>".escape($text['description-realtime_mode'])
					." <a href='https://github.com/amigniter/mod_audio_stream' target='_blank' rel='noopener noreferrer'>mod_audio_stream</a>";
				if ($realtime_enabled == 0 && permission_exists('voice_ai_provider_add')) {
					$control .= "<br><a href='provider_edit.php?provider_type=realtime' id='add_realtime_provider'>".escape($text['button-add_realtime_provider'])."</a>";
				}
				$control .= "</div>";
			}
			echo voice_ai_admin::row($text['label-'.$name], $control, $field[1], $text['description-'.$name] ?? '', $errors[$name] ?? null);
		}
		echo "</table>\n";
		if ($group == 'advanced') {
			echo "</details>\n";
		}
	}
	if ($action == 'update') {
		echo "<input type='hidden' name='voice_secretary_uuid' value='".escape($id)."'>\n";
	}
	echo voice_ai_admin::token_input($token)."\n";
	echo "</form>\n";

//include the footer
	require_once "resources/footer.php";

?>
