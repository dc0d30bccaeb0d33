<?php
/*
	Voice Secretary: add or edit an AI provider. The config fields depend on provider_type and provider_name
	(voice_ai_provider_fields). Secrets are write-only: the page shows whether one is set, never its value,
	and stores new ones encrypted (voice_ai_secrets, the format the Java service reads).
	"Test connection" asks the service which provider it would use for this type and name
	(GET /api/v1/providers/{type}/resolve?name=...): that builds the provider from the stored row, so a missing
	key, a bad value or a secret that does not decrypt is reported; it does not call the vendor.
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
	$id = $_REQUEST['id'] ?? ($_POST['voice_ai_provider_uuid'] ?? '');
	$action = is_uuid($id) ? 'update' : 'add';
	if (!permission_exists($action == 'update' ? 'voice_ai_provider_edit' : 'voice_ai_provider_add')) {
		echo "access denied";
		exit;
	}
	$stored = null;
	if ($action == 'update') {
		$sql = "select voice_ai_provider_uuid, provider_type, provider_name, display_name, config, cast(is_default as text) as is_default, ";
		$sql .= "priority, rate_limit_rpm, cast(enabled as text) as enabled, description from v_voice_ai_providers ";
		$sql .= "where voice_ai_provider_uuid = :uuid and domain_uuid = :domain_uuid";
		$stored = $database->select($sql, ['uuid' => $id, 'domain_uuid' => $domain_uuid], 'row');
		if (!$stored) {
			message::add($text['message-not_found'], 'negative');
			header('Location: providers.php');
			exit;
		}
	}
	$stored_config = $stored ? (json_decode((string) $stored['config'], true) ?: []) : [];

//type and name: fixed once saved; chosen by the add form (GET) otherwise
	$type = $stored ? $stored['provider_type'] : (string) ($_REQUEST['provider_type'] ?? 'stt');
	if (!in_array($type, voice_ai_provider_fields::types, true)) {
		$type = 'stt';
	}
	$names = voice_ai_provider_fields::names($type);
	$name = $stored ? $stored['provider_name'] : (string) ($_REQUEST['provider_name'] ?? $names[0]);
	if (!$stored && !in_array($name, $names, true)) {
		$name = $names[0];
	}
	$fields = voice_ai_provider_fields::fields($type, $name) ?? [];

//process the form
	$errors = [];
	$test_result = null;
	$provider = $stored ?: ['display_name' => '', 'is_default' => 'false', 'priority' => '0', 'rate_limit_rpm' => '', 'enabled' => 'true', 'description' => ''];
	$posted_config = [];
	$extra_json = voice_ai_provider_fields::extra_json($type, $name, $stored_config);
	if ($_SERVER['REQUEST_METHOD'] == 'POST') {
		$token = new token;
		if (!$token->validate($_SERVER['PHP_SELF'])) {
			message::add($text['message-invalid_token'], 'negative');
			header('Location: providers.php');
			exit;
		}
		if (($_POST['action'] ?? '') == 'test' && $stored && $stored['enabled'] != 'true') {
			$test_result = ['negative', $text['message-test_disabled']];
		}
		elseif (($_POST['action'] ?? '') == 'test' && $stored && $type == 'realtime') {
			$test_result = ['negative', $text['description-realtime_no_test']];
		}
		elseif (($_POST['action'] ?? '') == 'test' && $stored) {
			//ask the service to build this provider from the stored row
			$answer = voice_ai_admin::service($settings, $domain_uuid)->get('/api/v1/providers/'.rawurlencode($type).'/resolve', ['name' => $name]);
			if ($answer['status'] == 200 && is_array($answer['body']) && ($answer['body']['voice_ai_provider_uuid'] ?? '') == $id) {
				$test_result = ['positive', $text['message-test_ok']];
			}
			elseif ($answer['status'] == 200 && is_array($answer['body'])) {
				$test_result = ['negative', sprintf($text['message-test_other_row'], $answer['body']['display_name'] ?? $answer['body']['provider_name'] ?? '')];
			}
			else {
				$test_result = ['negative', $text['message-test_failed'].' '.$answer['error']];
			}
		}
		else {
			$validator = voice_ai_admin::validator($text);
			$row = [];
			$row['display_name'] = $validator->text('display_name', $text['label-display_name'], $_POST['display_name'] ?? '', false, 200);
			$row['is_default'] = $validator->boolean($_POST['is_default'] ?? '');
			$row['priority'] = $validator->integer('priority', $text['label-priority'], $_POST['priority'] ?? '', 0, 10000) ?? 0;
			$row['rate_limit_rpm'] = $validator->integer('rate_limit_rpm', $text['label-rate_limit_rpm'], $_POST['rate_limit_rpm'] ?? '', 1, 1000000);
			$row['enabled'] = $validator->boolean($_POST['enabled'] ?? '');
			$row['description'] = $validator->text('description', $text['label-description'], $_POST['description'] ?? '', false, 2000);
			$posted_config = is_array($_POST['config'] ?? null) ? $_POST['config'] : [];
			$clear = is_array($_POST['clear'] ?? null) ? array_keys(array_filter($_POST['clear'])) : [];
			$extra_json = is_string($_POST['extra_config'] ?? null) ? $_POST['extra_config'] : '';
			$config = null;
			try {
				$config = voice_ai_provider_fields::build_config($type, $name, $posted_config, $clear, $stored_config, $extra_json,
					voice_ai_admin::secrets($settings), $domain_uuid, $validator);
			}
			catch (RuntimeException $e) {
				$validator->fail('config', $text['message-no_secret_key'], '');
			}
			if ($validator->valid() && $config !== null) {
				$row['voice_ai_provider_uuid'] = ($action == 'update') ? $id : uuid();
				$row['domain_uuid'] = $domain_uuid;
				$row['provider_type'] = $type;
				$row['provider_name'] = $name;
				$row['config'] = json_encode((object) $config, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES);
				foreach ($row as $field => $value) {
					$array['voice_ai_providers'][0][$field] = $value ?? '';
				}
				if ($database->save($array)) {
					//one default per type: the service takes the default first
					if ($row['is_default'] == 'true') {
						$database->execute("update v_voice_ai_providers set is_default = false where domain_uuid = :domain_uuid and provider_type = :provider_type and voice_ai_provider_uuid <> :uuid",
							['domain_uuid' => $domain_uuid, 'provider_type' => $type, 'uuid' => $row['voice_ai_provider_uuid']]);
					}
					message::add($action == 'update' ? $text['message-update'] : $text['message-add']);
					header('Location: provider_edit.php?id='.urlencode($row['voice_ai_provider_uuid']));
					exit;
				}
				$validator->fail('display_name', $text['message-save_failed'], '');
			}
			$errors = $validator->errors();
			foreach (['display_name', 'is_default', 'priority', 'rate_limit_rpm', 'enabled', 'description'] as $field) {
				$provider[$field] = is_scalar($_POST[$field] ?? null) ? $_POST[$field] : '';
			}
		}
	}
	$secrets_set = voice_ai_provider_fields::secrets_set($stored_config);

//create token
	$object = new token;
	$token = $object->create($_SERVER['PHP_SELF']);

//include the header
	$document['title'] = $text['title-provider'];
	require_once "resources/header.php";

//show the form
	echo voice_ai_admin::nav($text, 'providers');
	echo "<form method='post' name='frm' id='frm' action='provider_edit.php'>\n";
	echo "<div class='action_bar' id='action_bar'>\n";
	echo "	<div class='heading'><b>".escape($text['title-provider'])."</b></div>\n";
	echo "	<div class='actions'>\n";
	echo button::create(['type' => 'button', 'label' => escape($text['button-back']), 'id' => 'btn_back', 'link' => 'providers.php']);
	if ($stored && $type != 'realtime') {
		//not a submit button: Enter in a field must save, not test
		echo button::create(['type' => 'button', 'label' => escape($text['button-test_connection']), 'id' => 'btn_test', 'title' => escape($text['description-test_connection']),
			'onclick' => "document.getElementById('form_action').value='test'; document.getElementById('frm').submit();"]);
	}
	echo button::create(['type' => 'submit', 'label' => escape($text['button-save']), 'id' => 'btn_save']);
	echo "	</div>\n";
	echo "</div>\n";
	if ($test_result) {
		echo "<div class='message message-".escape($test_result[0])."' id='test_result' role='alert'>".escape($test_result[1])."</div>\n";
	}
	if ($errors) {
		echo "<div class='message message-negative' role='alert'>".escape($text['message-check_fields'])."</div>\n";
	}
	echo "<table width='100%' border='0' cellpadding='0' cellspacing='0'>\n";
	$type_options = [];
	foreach (voice_ai_provider_fields::types as $option) {
		$type_options[$option] = $text['option-type_'.$option];
	}
	if ($stored) {
		echo voice_ai_admin::row($text['label-provider_type'], escape($type_options[$type]), true);
		echo voice_ai_admin::row($text['label-provider_name'], escape($name), true);
	}
	else {
		//choosing another type or name reloads the form with that provider's fields
		$reload = "window.location='provider_edit.php?provider_type='+encodeURIComponent(document.getElementById('provider_type').value)+'&provider_name='+encodeURIComponent(this.id=='provider_name'?this.value:'');";
		echo voice_ai_admin::row($text['label-provider_type'], str_replace("<select ", "<select onchange=\"".escape($reload)."\" ", voice_ai_admin::select('provider_type', $type_options, $type)), true);
		echo voice_ai_admin::row($text['label-provider_name'], str_replace("<select ", "<select onchange=\"".escape($reload)."\" ", voice_ai_admin::select('provider_name', array_combine($names, $names), $name)), true);
		echo "<input type='hidden' name='provider_type' value='".escape($type)."'>";
	}
	echo voice_ai_admin::row($text['label-display_name'], voice_ai_admin::input('display_name', $provider['display_name'], 'text', $name), false, '', $errors['display_name'] ?? null);
	echo "</table>\n";

	echo "<div class='section'>".escape($text['section-provider_config'])."</div>\n";
	echo "<table width='100%' border='0' cellpadding='0' cellspacing='0' id='config_fields'>\n";
	if (!$fields) {
		echo "<tr><td class='vtable'>".escape($text['description-no_config'])."</td></tr>\n";
	}
	if ($type == 'realtime') {
		//the service cannot build realtime providers (the bridge does), so there is no test button for them
		echo "<tr><td class='vtable' colspan='2' id='realtime_note'>".escape($text['description-realtime_no_test'])."</td></tr>\n";
	}
	foreach ($fields as $key => $field) {
		$input_name = 'config['.$key.']';
		$posted = $posted_config[$key] ?? null;
		$value = ($posted !== null) ? $posted : (array_key_exists($key, $stored_config) && !is_array($stored_config[$key]) ? (is_bool($stored_config[$key]) ? ($stored_config[$key] ? 'true' : 'false') : $stored_config[$key]) : '');
		switch ($field['kind']) {
			case 'secret':
				//write-only: never printed back
				$control = "<input class='formfld' type='password' autocomplete='new-password' name='".escape($input_name)."' id='config_".escape($key)."' value=''"
					." placeholder=\"".escape(isset($secrets_set[$key]) ? $text['label-secret_set'] : $text['label-secret_not_set'])."\">";
				if (isset($secrets_set[$key])) {
					$control .= " <span class='secret-set' id='secret_set_".escape($key)."'>".escape($text['label-secret_set'])."</span>";
					$control .= " <label><input type='checkbox' name='clear[".escape($key)."]' value='1'> ".escape($text['label-secret_clear'])."</label>";
				}
				$help = $text['description-secret'];
				break;
			case 'boolean':
				$control = voice_ai_admin::select($input_name, ['true' => $text['label-true'], 'false' => $text['label-false']], $value, $text['option-service_default'].' ('.$field['default'].')');
				$help = '';
				break;
			case 'select':
				$control = voice_ai_admin::select($input_name, array_combine($field['options'], $field['options']), $value, $text['option-service_default'].($field['default'] !== '' ? ' ('.$field['default'].')' : ''));
				$help = '';
				break;
			default:
				$control = voice_ai_admin::input($input_name, $value, 'text', $field['default'], false);
				$help = '';
		}
		echo voice_ai_admin::row($key, $control, $field['required'], $help, $errors[$key] ?? null);
	}
	echo "</table>\n";
	if (isset($errors['config'])) {
		echo "<div class='error'>".escape($errors['config'])."</div>\n";
	}

	echo "<details id='advanced'".(isset($errors['extra_config']) || isset($errors['priority']) || isset($errors['rate_limit_rpm']) ? " open" : "")."><summary>".escape($text['section-advanced'])."</summary>\n";
	echo "<table width='100%' border='0' cellpadding='0' cellspacing='0'>\n";
	echo voice_ai_admin::row($text['label-priority'], voice_ai_admin::input('priority', $provider['priority']), false, $text['description-priority'], $errors['priority'] ?? null);
	echo voice_ai_admin::row($text['label-rate_limit_rpm'], voice_ai_admin::input('rate_limit_rpm', $provider['rate_limit_rpm']), false, $text['description-rate_limit_rpm'], $errors['rate_limit_rpm'] ?? null);
	echo voice_ai_admin::row($text['label-extra_config'], voice_ai_admin::textarea('extra_config', $extra_json, 4), false, $text['description-extra_config'], $errors['extra_config'] ?? null);
	echo "</table>\n</details>\n";

	echo "<table width='100%' border='0' cellpadding='0' cellspacing='0'>\n";
	echo voice_ai_admin::row($text['label-is_default'], voice_ai_admin::boolean('is_default', $provider['is_default'], $text), false, $text['description-is_default']);
	echo voice_ai_admin::row($text['label-enabled'], voice_ai_admin::boolean('enabled', $provider['enabled'], $text));
	echo voice_ai_admin::row($text['label-description'], voice_ai_admin::textarea('description', $provider['description'], 2), false, '', $errors['description'] ?? null);
	echo "</table>\n";
	echo "<input type='hidden' name='provider_name' value='".escape($name)."'>\n";
	echo "<input type='hidden' name='action' id='form_action' value='save'>\n";
	if ($stored) {
		echo "<input type='hidden' name='voice_ai_provider_uuid' value='".escape($id)."'>\n";
	}
	echo voice_ai_admin::token_input($token)."\n";
	echo "</form>\n";

//include the footer
	require_once "resources/footer.php";

?>
