<?php
//Test double of FusionPBX core functions (see ../README.md).

	function escape($value) {
		if (is_array($value)) {
			return array_map('escape', $value);
		}
		return htmlspecialchars((string) $value, ENT_QUOTES, 'UTF-8');
	}

	function is_uuid($value) {
		return is_string($value) && preg_match('/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i', $value) === 1;
	}

	function uuid() {
		$bytes = random_bytes(16);
		$bytes[6] = chr((ord($bytes[6]) & 0x0f) | 0x40);
		$bytes[8] = chr((ord($bytes[8]) & 0x3f) | 0x80);
		return vsprintf('%s%s-%s-%s-%s-%s%s%s', str_split(bin2hex($bytes), 4));
	}

	function permission_exists($name) {
		return isset($_SESSION['permissions'][$name]);
	}

	//FusionPBX's helpers for list pages
	function order_by($order_by, $order, $default_order_by = '', $default_order = 'asc') {
		$order_by = preg_replace('/[^a-z0-9_]/', '', (string) $order_by);
		$order = strtolower((string) $order) === 'desc' ? 'desc' : 'asc';
		if ($order_by === '') {
			if ($default_order_by === '') {
				return '';
			}
			return ' order by '.$default_order_by.' '.($default_order === 'desc' ? 'desc' : 'asc').' ';
		}
		return ' order by '.$order_by.' '.$order.' ';
	}

	function limit_offset($limit, $offset = 0) {
		return ' limit '.(int) $limit.' offset '.(int) $offset.' ';
	}

?>
