<?php
/*
	Voice Secretary: add or edit a transfer destination (name and aliases the caller may say, where to transfer,
	department, working hours, default).
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
	$id = $_REQUEST['id'] ?? ($_POST['voice_transfer_destination_uuid'] ?? '');
	$action = is_uuid($id) ? 'update' : 'add';
	if (!permission_exists($action == 'update' ? 'voice_transfer_destination_edit' : 'voice_transfer_destination_add')) {
		echo "access denied";
		exit;
	}
	if ($action == 'update' && !voice_ai_admin::owns($database, 'v_voice_transfer_destinations', 'voice_transfer_destination_uuid', $id, $domain_uuid)) {
		message::add($text['message-not_found'], 'negative');
		header('Location: transfer_destinations.php');
		exit;
	}

	$type_options = [];
	foreach (['extension', 'ring_group', 'queue', 'voicemail', 'external'] as $option) {
		$type_options[$option] = $text['option-'.$option];
	}
	$fallback_options = ['take_message' => $text['option-take_message'], 'hangup' => $text['option-hangup'], 'return' => $text['option-return']];
	$secretary_options = voice_ai_admin::secretaries($database, $domain_uuid);
	$week = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

//process the form
	$errors = [];
	if ($_SERVER['REQUEST_METHOD'] == 'POST') {
		$token = new token;
		if (!$token->validate($_SERVER['PHP_SELF'])) {
			message::add($text['message-invalid_token'], 'negative');
			header('Location: transfer_destinations.php');
			exit;
		}
		$validator = voice_ai_admin::validator($text);
		$row = [];
		$row['secretary_uuid'] = $validator->choice('secretary_uuid', $text['label-secretary'], $_POST['secretary_uuid'] ?? '', array_keys($secretary_options));
		$row['name'] = $validator->text('name', $text['label-name'], $_POST['name'] ?? '', true, 200);
		$row['aliases'] = $validator->list_as_json($_POST['aliases'] ?? '');
		$row['destination_type'] = $validator->choice('destination_type', $text['label-destination_type'], $_POST['destination_type'] ?? '', array_keys($type_options), true);
		$row['destination_number'] = $validator->text('destination_number', $text['label-destination_number'], $_POST['destination_number'] ?? '', true, 100);
		if ($row['destination_number'] !== null && !preg_match('/^[0-9A-Za-z*#+._@-]+$/', $row['destination_number'])) {
			$validator->fail('destination_number', 'choice', $text['label-destination_number']);
		}
		$row['destination_context'] = $validator->text('destination_context', $text['label-destination_context'], $_POST['destination_context'] ?? '', false, 200);
		$row['department'] = $validator->text('department', $text['label-department'], $_POST['department'] ?? '', false, 200);
		$row['role'] = $validator->text('role', $text['label-role'], $_POST['role'] ?? '', false, 200);
		$row['description'] = $validator->text('description', $text['label-description'], $_POST['description'] ?? '', false, 2000);
		$row['working_hours'] = $validator->working_hours('working_hours', $text['label-working_hours'], $_POST['working_days'] ?? [],
			$_POST['working_start'] ?? '', $_POST['working_end'] ?? '', $_POST['working_timezone'] ?? '');
		$row['ring_timeout_seconds'] = $validator->integer('ring_timeout_seconds', $text['label-ring_timeout_seconds'], $_POST['ring_timeout_seconds'] ?? '', 5, 300);
		$row['max_retries'] = $validator->integer('max_retries', $text['label-max_retries'], $_POST['max_retries'] ?? '', 0, 10);
		$row['retry_delay_seconds'] = $validator->integer('retry_delay_seconds', $text['label-retry_delay_seconds'], $_POST['retry_delay_seconds'] ?? '', 0, 300);
		$row['fallback_action'] = $validator->choice('fallback_action', $text['label-fallback_action'], $_POST['fallback_action'] ?? '', array_keys($fallback_options));
		$row['priority'] = $validator->integer('priority', $text['label-priority'], $_POST['priority'] ?? '', 0, 10000);
		$row['is_default'] = $validator->boolean($_POST['is_default'] ?? '');
		$row['enabled'] = $validator->boolean($_POST['enabled'] ?? '');
		if ($validator->valid()) {
			$row['voice_transfer_destination_uuid'] = ($action == 'update') ? $id : uuid();
			$row['domain_uuid'] = $domain_uuid;
			foreach ($row as $field => $value) {
				$array['voice_transfer_destinations'][0][$field] = $value ?? '';
			}
			if ($database->save($array)) {
				message::add($action == 'update' ? $text['message-update'] : $text['message-add']);
				header('Location: transfer_destinations.php');
				exit;
			}
			$validator->fail('name', $text['message-save_failed'], '');
		}
		$errors = $validator->errors();
		$destination = [];
		foreach (['secretary_uuid', 'name', 'aliases', 'destination_type', 'destination_number', 'destination_context', 'department', 'role', 'description',
				'ring_timeout_seconds', 'max_retries', 'retry_delay_seconds', 'fallback_action', 'priority', 'is_default', 'enabled'] as $field) {
			$destination[$field] = is_scalar($_POST[$field] ?? null) ? $_POST[$field] : '';
		}
		$hours = ['days' => is_array($_POST['working_days'] ?? null) ? $_POST['working_days'] : [], 'start' => $_POST['working_start'] ?? '',
			'end' => $_POST['working_end'] ?? '', 'timezone' => $_POST['working_timezone'] ?? ''];
	}
	elseif ($action == 'update') {
		$sql = "select *, cast(is_default as text) as is_default, cast(enabled as text) as enabled from v_voice_transfer_destinations ";
		$sql .= "where voice_transfer_destination_uuid = :uuid and domain_uuid = :domain_uuid";
		$destination = $database->select($sql, ['uuid' => $id, 'domain_uuid' => $domain_uuid], 'row');
		$aliases = json_decode((string) $destination['aliases'], true);
		$destination['aliases'] = is_array($aliases) ? implode(', ', $aliases) : '';
		$hours = json_decode((string) $destination['working_hours'], true) ?: [];
	}
	else {
		$destination = ['destination_type' => 'extension', 'ring_timeout_seconds' => '30', 'max_retries' => '1', 'retry_delay_seconds' => '5',
			'fallback_action' => 'take_message', 'priority' => '100', 'is_default' => 'false', 'enabled' => 'true'];
		$hours = [];
	}

//create token
	$object = new token;
	$token = $object->create($_SERVER['PHP_SELF']);

//include the header
	$document['title'] = $text['title-transfer_destination'];
	require_once "resources/header.php";

//show the form
	echo voice_ai_admin::nav($text, 'transfer_destinations');
	echo "<form method='post' name='frm' id='frm' action='transfer_destination_edit.php'>\n";
	echo "<div class='action_bar' id='action_bar'>\n";
	echo "	<div class='heading'><b>".escape($text['title-transfer_destination'])."</b></div>\n";
	echo "	<div class='actions'>\n";
	echo button::create(['type' => 'button', 'label' => escape($text['button-back']), 'id' => 'btn_back', 'link' => 'transfer_destinations.php']);
	echo button::create(['type' => 'submit', 'label' => escape($text['button-save']), 'id' => 'btn_save']);
	echo "	</div>\n";
	echo "</div>\n";
	if ($errors) {
		echo "<div class='message message-negative' role='alert'>".escape($text['message-check_fields'])."</div>\n";
	}
	echo "<table width='100%' border='0' cellpadding='0' cellspacing='0'>\n";
	echo voice_ai_admin::row($text['label-name'], voice_ai_admin::input('name', $destination['name'] ?? '', 'text', '', true), true, $text['description-name'], $errors['name'] ?? null);
	echo voice_ai_admin::row($text['label-aliases'], voice_ai_admin::input('aliases', $destination['aliases'] ?? ''), false, $text['description-aliases']);
	echo voice_ai_admin::row($text['label-destination_type'], voice_ai_admin::select('destination_type', $type_options, $destination['destination_type'] ?? ''), true, '', $errors['destination_type'] ?? null);
	echo voice_ai_admin::row($text['label-destination_number'], voice_ai_admin::input('destination_number', $destination['destination_number'] ?? '', 'text', '', true), true, $text['description-destination_number'], $errors['destination_number'] ?? null);
	echo voice_ai_admin::row($text['label-department'], voice_ai_admin::input('department', $destination['department'] ?? ''), false, '', $errors['department'] ?? null);
	echo voice_ai_admin::row($text['label-secretary'], voice_ai_admin::select('secretary_uuid', $secretary_options, $destination['secretary_uuid'] ?? '', $text['option-all_secretaries']), false, '', $errors['secretary_uuid'] ?? null);
	//working hours
	$days = "";
	foreach ($week as $day) {
		$checked = in_array($day, (array) ($hours['days'] ?? []), true) ? " checked='checked'" : "";
		$days .= "<label style='margin-right:8px'><input type='checkbox' name='working_days[]' value='".$day."'".$checked."> ".escape($text['label-day_'.$day])."</label>";
	}
	$zones = timezone_identifiers_list();
	$hours_control = $days."<br>".voice_ai_admin::input('working_start', $hours['start'] ?? '', 'time')." – ".voice_ai_admin::input('working_end', $hours['end'] ?? '', 'time')
		." ".voice_ai_admin::select('working_timezone', array_combine($zones, $zones), $hours['timezone'] ?? 'America/Sao_Paulo');
	echo voice_ai_admin::row($text['label-working_hours'], $hours_control, false, $text['description-working_hours'], $errors['working_hours'] ?? null);
	echo voice_ai_admin::row($text['label-is_default'], voice_ai_admin::boolean('is_default', $destination['is_default'] ?? 'false', $text), false, $text['description-destination_default']);
	echo voice_ai_admin::row($text['label-enabled'], voice_ai_admin::boolean('enabled', $destination['enabled'] ?? 'true', $text));
	echo voice_ai_admin::row($text['label-description'], voice_ai_admin::textarea('description', $destination['description'] ?? '', 2), false, '', $errors['description'] ?? null);
	echo "</table>\n";
	$advanced = ['role', 'destination_context', 'ring_timeout_seconds', 'max_retries', 'retry_delay_seconds', 'fallback_action', 'priority'];
	echo "<details id='advanced'".(array_intersect_key($errors, array_flip($advanced)) ? " open" : "")."><summary>".escape($text['section-advanced'])."</summary>\n";
	echo "<table width='100%' border='0' cellpadding='0' cellspacing='0'>\n";
	echo voice_ai_admin::row($text['label-role'], voice_ai_admin::input('role', $destination['role'] ?? ''), false, '', $errors['role'] ?? null);
	echo voice_ai_admin::row($text['label-destination_context'], voice_ai_admin::input('destination_context', $destination['destination_context'] ?? '', 'text', $_SESSION['domain_name'] ?? ''), false, $text['description-destination_context'], $errors['destination_context'] ?? null);
	foreach (['ring_timeout_seconds', 'max_retries', 'retry_delay_seconds', 'priority'] as $field) {
		echo voice_ai_admin::row($text['label-'.$field], voice_ai_admin::input($field, $destination[$field] ?? ''), false, '', $errors[$field] ?? null);
	}
	echo voice_ai_admin::row($text['label-fallback_action'], voice_ai_admin::select('fallback_action', $fallback_options, $destination['fallback_action'] ?? '', ''), false, '', $errors['fallback_action'] ?? null);
	echo "</table>\n</details>\n";
	if ($action == 'update') {
		echo "<input type='hidden' name='voice_transfer_destination_uuid' value='".escape($id)."'>\n";
	}
	echo voice_ai_admin::token_input($token)."\n";
	echo "</form>\n";

//include the footer
	require_once "resources/footer.php";

?>
