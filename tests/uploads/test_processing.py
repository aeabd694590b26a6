"""The image validator on good files and on hostile ones."""

import io
import struct
import zlib

import pytest
from PIL import Image

from uploads.images import ImageRejected, process_image


def encode(image: Image.Image, image_format: str, **params) -> io.BytesIO:
    buffer = io.BytesIO()
    image.save(buffer, image_format, **params)
    buffer.seek(0)
    return buffer


def pixel_flood_png(width: int, height: int) -> io.BytesIO:
    """A tiny PNG whose header claims a huge canvas (the classic decompression bomb)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    row = b"\x00" + b"\x00" * ((width + 7) // 8)
    data = zlib.compress(row * 16, 9)
    return io.BytesIO(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )


def test_good_jpeg_is_reencoded_with_a_thumbnail():
    source = encode(Image.new("RGB", (1600, 1200), (10, 120, 200)), "JPEG", quality=95)
    processed = process_image(source)
    assert processed.format == "JPEG"
    assert (processed.width, processed.height) == (1600, 1200)
    thumbnail = Image.open(io.BytesIO(processed.thumbnail))
    assert max(thumbnail.size) <= 480


def test_exif_and_comments_are_stripped_and_orientation_applied():
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° when displayed
    exif[0x010F] = "SecretCam"  # camera maker
    source = encode(
        Image.new("RGB", (300, 100), (0, 0, 0)), "JPEG", exif=exif.tobytes(), comment=b"gps here"
    )
    processed = process_image(source)
    assert b"SecretCam" not in processed.content
    assert b"gps here" not in processed.content
    result = Image.open(io.BytesIO(processed.content))
    assert result.size == (100, 300)
    assert not result.getexif()


def test_png_with_transparency_keeps_its_alpha():
    processed = process_image(encode(Image.new("RGBA", (64, 64), (0, 0, 0, 0)), "PNG"))
    assert processed.format == "PNG"
    assert Image.open(io.BytesIO(processed.content)).mode == "RGBA"


def test_pixel_flood_png_is_refused_before_decoding():
    with pytest.raises(ImageRejected) as caught:
        process_image(pixel_flood_png(100_000, 100_000))
    assert caught.value.code == "too_many_pixels"


def test_truncated_jpeg_is_refused():
    data = encode(Image.effect_noise((400, 400), 64).convert("RGB"), "JPEG").getvalue()
    with pytest.raises(ImageRejected) as caught:
        process_image(io.BytesIO(data[: len(data) // 2]))
    assert caught.value.code == "unreadable"


def test_png_with_html_appended_is_cleaned():
    data = encode(Image.new("RGB", (32, 32), (255, 0, 0)), "PNG").getvalue()
    hostile = data + b"<html><script>alert(document.cookie)</script></html>"
    processed = process_image(io.BytesIO(hostile))
    assert b"<script" not in processed.content
    assert b"<script" not in processed.thumbnail


def test_non_image_renamed_jpg_is_refused():
    with pytest.raises(ImageRejected):
        process_image(io.BytesIO(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\n"))


def test_other_image_formats_are_refused():
    with pytest.raises(ImageRejected):
        process_image(encode(Image.new("RGB", (10, 10)), "GIF"))


def test_file_over_the_byte_limit_is_refused():
    with pytest.raises(ImageRejected) as caught:
        process_image(io.BytesIO(b"\xff" * 2048), max_bytes=1024)
    assert caught.value.code == "too_large"


def test_empty_file_is_refused():
    with pytest.raises(ImageRejected):
        process_image(io.BytesIO(b""))
