"""Reading a wasm file's sections and function names: shared by scripts/wasm-opt.py (which
reorders functions by name) and scripts/wasm-sizes.py (which profiles code size)."""


def leb(b: bytes, i: int):
    """An unsigned LEB128 number at i: (value, index after it)."""
    r = s = 0
    while True:
        x = b[i]
        i += 1
        r |= (x & 0x7F) << s
        s += 7
        if x < 0x80:
            return r, i


def uleb(n: int) -> bytes:
    """n as unsigned LEB128."""
    out = bytearray()
    while True:
        x, n = n & 0x7F, n >> 7
        out.append(x | 0x80 if n else x)
        if not n:
            return bytes(out)


def sections(b: bytes):
    """Each section as (id, offset of its contents, length)."""
    i = 8
    while i < len(b):
        sid = b[i]
        n, j = leb(b, i + 1)
        yield sid, j, n
        i = j + n


def function_names(b: bytes) -> dict:
    """Function index -> name, from the "name" custom section (empty when stripped)."""
    names = {}
    for sid, o, n in sections(b):
        if sid != 0:
            continue
        l, j = leb(b, o)
        if b[j:j + l] != b"name":
            continue
        j += l
        while j < o + n:
            sub = b[j]
            size, j = leb(b, j + 1)
            if sub == 1:
                count, k = leb(b, j)
                for _ in range(count):
                    idx, k = leb(b, k)
                    l2, k = leb(b, k)
                    names[idx] = b[k:k + l2].decode("utf-8", "replace")
                    k += l2
            j += size
    return names


def imported_functions(b: bytes) -> int:
    """How many functions the module imports (they come first in the function index space)."""
    count = 0
    for sid, o, _n in sections(b):
        if sid != 2:
            continue
        entries, j = leb(b, o)
        for _ in range(entries):
            l, j = leb(b, j)
            j += l
            l, j = leb(b, j)
            j += l
            kind = b[j]
            j += 1
            if kind == 0:  # function: type index
                _, j = leb(b, j)
                count += 1
            elif kind == 1:  # table: element type, limits
                j += 1
                flags, j = leb(b, j)
                _, j = leb(b, j)
                if flags & 1:
                    _, j = leb(b, j)
            elif kind == 2:  # memory: limits
                flags, j = leb(b, j)
                _, j = leb(b, j)
                if flags & 1:
                    _, j = leb(b, j)
            elif kind == 3:  # global: value type, mutability
                j += 2
            elif kind == 4:  # tag: attribute, type index
                j += 1
                _, j = leb(b, j)
    return count


def body_sizes(b: bytes) -> list:
    """The size of each defined function's body, in order."""
    for sid, o, _n in sections(b):
        if sid == 10:
            count, j = leb(b, o)
            sizes = []
            for _ in range(count):
                size, j = leb(b, j)
                sizes.append(size)
                j += size
            return sizes
    return []
