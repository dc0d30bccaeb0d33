<?php
//Test double of FusionPBX's button class: the same array, plain markup. Like FusionPBX, attribute values are
//written in double quotes as given (callers pass onclick code with single-quoted strings, and escape labels).

	class button {

		public static function create($array) {
			$type = $array['type'] ?? 'button';
			$attributes = " type='".escape($type)."' class='btn'";
			foreach (['id', 'name', 'value', 'onclick', 'style', 'title', 'form'] as $attribute) {
				if (isset($array[$attribute])) {
					$attributes .= ' '.$attribute.'="'.$array[$attribute].'"';
				}
			}
			$button = "<button".$attributes.">".($array['label'] ?? '')."</button>";
			if (!empty($array['link'])) {
				return '<a href="'.$array['link'].'">'.$button.'</a>';
			}
			return $button;
		}

	}

?>
