"""Vectorised decoding of WKB geometry columns (GDAL's Arrow stream) into numpy arrays. No QGIS here."""

import struct

import numpy as np


def _wkb_lines(data):
    """Vertex arrays (N, 2) of every linestring in a WKB (multi)linestring."""
    out = []

    def parse(off):
        endian = "<" if data[off] == 1 else ">"
        typ = struct.unpack_from(endian + "I", data, off + 1)[0]
        off += 5
        has_z = has_m = False
        if typ & 0x80000000:
            has_z = True
        if typ & 0x40000000:
            has_m = True
        typ &= 0x0FFFFFFF
        dim, base = divmod(typ, 1000)
        has_z = has_z or dim in (1, 3)
        has_m = has_m or dim in (2, 3)
        nc = 2 + has_z + has_m
        if base == 2:
            n = struct.unpack_from(endian + "I", data, off)[0]
            off += 4
            arr = np.frombuffer(data, dtype=endian + "f8", count=n * nc, offset=off).reshape(n, nc)
            out.append(arr[:, :2])
            return off + 8 * n * nc
        if base in (5, 7):
            k = struct.unpack_from(endian + "I", data, off)[0]
            off += 4
            for _ in range(k):
                off = parse(off)
            return off
        raise ValueError(base)

    parse(0)
    return out


def _wkb_buffer(geoms):
    """``(uint8 buffer, byte offset, byte length)`` of an Arrow/NumPy WKB column (None/masked -> length 0)."""
    n = len(geoms)
    if getattr(geoms, "dtype", None) is not None and geoms.dtype.kind == "V":
        size = geoms.dtype.itemsize
        buf = np.frombuffer(np.ascontiguousarray(geoms).tobytes(), dtype=np.uint8)
        return buf, np.arange(n, dtype=np.int64) * size, np.full(n, size, dtype=np.int64)
    mask = np.ma.getmaskarray(geoms)
    items = [b"" if (m or g is None) else bytes(g) for g, m in zip(np.ma.getdata(geoms).tolist(), mask)]
    lengths = np.fromiter((len(b) for b in items), dtype=np.int64, count=n)
    buf = np.frombuffer(b"".join(items), dtype=np.uint8)
    return buf, np.cumsum(lengths) - lengths, lengths


def _gather(buf, pos, width, dtype):
    """Values of *dtype* (*width* bytes, little-endian) at the byte positions *pos* of *buf*."""
    if len(pos) == 0:
        return np.zeros(0, dtype=dtype)
    return buf[pos[:, None] + np.arange(width)].copy().view(dtype).ravel()


def _wkb_dims(typ):
    """Number of ordinates per vertex of WKB type codes (ISO 1000/2000/3000 and EWKB flags)."""
    base = typ & 0x0FFFFFFF
    z = ((typ & 0x80000000) != 0) | np.isin(base // 1000, (1, 3))
    m = ((typ & 0x40000000) != 0) | np.isin(base // 1000, (2, 3))
    return base % 1000, 2 + z.astype(np.int64) + m.astype(np.int64)


def wkb_linestrings(geoms):
    """Vertex arrays of a WKB column whose geometries are all single linestrings.

    Vectorised counterpart of :func:`_wkb_lines` (same coordinates): LineString or
    MultiLineString with one part, little-endian, 2D/Z/M/ZM. Returns
    ``(list of (N, 2) arrays, row of each array)`` – rows without geometry or
    without vertices are left out – or None when another geometry occurs (the
    caller then parses geometry by geometry).
    """
    buf, offsets, lengths = _wkb_buffer(geoms)
    present = np.flatnonzero(lengths >= 9)
    if (lengths[(lengths > 0) & (lengths < 9)]).size:
        return None
    off = offsets[present]
    if len(off) == 0:
        return [], np.zeros(0, dtype=np.int64)
    if (buf[off] != 1).any():
        return None
    base, dims = _wkb_dims(_gather(buf, off + 1, 4, "<u4").astype(np.int64))
    start = off + 5
    multi = base == 5
    if not ((base == 2) | multi).all():
        return None
    if multi.any():
        mo = off[multi]
        if (lengths[present][multi] < 18).any() or (_gather(buf, mo + 5, 4, "<u4") != 1).any():
            return None
        if (buf[mo + 9] != 1).any():
            return None
        ibase, idims = _wkb_dims(_gather(buf, mo + 10, 4, "<u4").astype(np.int64))
        if (ibase != 2).any():
            return None
        dims = dims.copy()
        dims[multi] = idims
        start = start.copy()
        start[multi] = mo + 14
    nv = _gather(buf, start, 4, "<u4").astype(np.int64)
    stride = 8 * dims
    if ((start + 4 + nv * stride) != off + lengths[present]).any():
        return None
    has = nv > 0
    rows, start, nv, stride = present[has], start[has], nv[has], stride[has]
    total = int(nv.sum())
    first = np.cumsum(nv) - nv
    local = np.arange(total, dtype=np.int64) - np.repeat(first, nv)
    pos = np.repeat(start + 4, nv) + local * np.repeat(stride, nv)
    coords = np.empty((total, 2))
    coords[:, 0] = _gather(buf, pos, 8, "<f8")
    coords[:, 1] = _gather(buf, pos + 8, 8, "<f8")
    return np.split(coords, first[1:]), rows


#: WKB type codes of a single point (2D, Z, M, ZM; ISO and EWKB-style flags)
_POINT_TYPES = (1, 1001, 2001, 3001, 0x80000001, 0x40000001, 0xC0000001)


def wkb_points_xy(geoms):
    """(N, 2) x/y of an array of little-endian WKB points (None/masked/empty -> NaN).

    Vectorised (no loop over points). Returns None when a geometry is not a single
    point in little-endian WKB (the caller then reads through QGIS).
    """
    n = len(geoms)
    xy = np.full((n, 2), np.nan)
    if n == 0:
        return xy
    if getattr(geoms, "dtype", None) is not None and geoms.dtype.kind == "V":
        size = geoms.dtype.itemsize
        if size < 21:
            return None
        buf = np.frombuffer(np.ascontiguousarray(geoms).tobytes(), dtype=np.uint8)
        present = np.arange(n)
        offsets = present * size
    else:
        mask = np.ma.getmaskarray(geoms)
        items = [b"" if (m or g is None) else bytes(g) for g, m in zip(np.ma.getdata(geoms).tolist(), mask)]
        lengths = np.fromiter((len(b) for b in items), dtype=np.int64, count=n)
        present = np.flatnonzero(lengths > 0)
        if (lengths[present] < 21).any():
            return None
        buf = np.frombuffer(b"".join(items), dtype=np.uint8)
        offsets = (np.cumsum(lengths) - lengths)[present]
    if len(present) == 0:
        return xy
    if (buf[offsets] != 1).any():
        return None
    typ = buf[offsets[:, None] + np.arange(1, 5)].copy().view("<u4").ravel()
    if not np.isin(typ, _POINT_TYPES).all():
        return None
    coords = buf[offsets[:, None] + np.arange(5, 21)].copy().view("<f8").reshape(-1, 2)
    xy[present] = coords
    return xy
