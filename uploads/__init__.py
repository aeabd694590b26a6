"""Everything users upload: images (re-encoded with thumbnails) and documents (checked by
content), stored under generated names; private files live outside the public media root."""
