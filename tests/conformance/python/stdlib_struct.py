import struct
print(struct.pack(">Q", 0x7FF8000000000001))
print(struct.unpack(">d", struct.pack(">Q", 0x3FF0000000000000)))
print(struct.calcsize("@bi"), struct.calcsize("<bi"), struct.calcsize("hhl"))
print(struct.pack("<hH?", -2, 65535, True))
print(struct.unpack("<hH?", b"\xfe\xff\xff\xff\x01"))
print(struct.pack("e", 1.5), struct.unpack("<e", b"\x00\x3e"))
print(struct.pack(">f", 0.1), struct.unpack(">f", struct.pack(">f", 0.1)))
print(struct.pack("3s2x", b"abcdef"))
s = struct.Struct("<ii")
print(s.size, s.unpack(s.pack(1, -1)))
try:
    struct.pack("b", 200)
except struct.error as e:
    print("error:", e)
try:
    struct.unpack("i", b"ab")
except struct.error as e:
    print("error:", e)
print(list(struct.iter_unpack("<h", b"\x01\x00\x02\x00")))
