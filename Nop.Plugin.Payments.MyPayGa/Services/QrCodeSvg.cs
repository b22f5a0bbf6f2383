using System.Globalization;
using System.Text;

namespace Nop.Plugin.Payments.MyPayGa.Services;

/// <summary>
/// A payment link's address as a QR code (ISO/IEC 18004: byte mode, error correction level M), drawn as an SVG by the
/// server. Written here rather than taken from a package: QRCoder would ship a DLL that nopCommerce's own Google
/// Authenticator plugin already loads in another version (a plugin whose DLL differs from another plugin's is marked
/// incompatible), and an outside QR service would send the link's address to a third party.
/// </summary>
public static class QrCodeSvg
{
    // Error correction codewords per block and number of blocks, level M, versions 1..40 (index 0 unused).
    private static readonly byte[] EccPerBlock =
    [
        0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26,
        26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
    ];

    private static readonly byte[] Blocks =
    [
        0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16,
        17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49,
    ];

    /// <summary>Format bits of level M.</summary>
    private const int EccFormatBits = 0;

    /// <summary>The SVG of <paramref name="text"/> (UTF-8), with the standard quiet zone of four modules.</summary>
    public static string Render(string text, int pixelsPerModule = 4)
    {
        var modules = Encode(text);
        var size = modules.GetLength(0);
        var full = size + 8;
        var path = new StringBuilder(size * size * 4);
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                if (modules[y, x])
                    path.Append(CultureInfo.InvariantCulture, $"M{x + 4},{y + 4}h1v1h-1z");
            }
        }

        var pixels = (full * pixelsPerModule).ToString(CultureInfo.InvariantCulture);
        return $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {full} {full}\" width=\"{pixels}\" height=\"{pixels}\" " +
               "shape-rendering=\"crispEdges\" role=\"img\">" +
               $"<rect width=\"{full}\" height=\"{full}\" fill=\"#fff\"/><path d=\"{path}\" fill=\"#000\"/></svg>";
    }

    /// <summary>The modules (true = dark), row by row.</summary>
    public static bool[,] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var data = Encoding.UTF8.GetBytes(text);

        var version = 1;
        for (; version <= 40; version++)
        {
            var countBits = version <= 9 ? 8 : 16;
            if (4 + countBits + data.Length * 8L <= DataCodewords(version) * 8L && data.Length < 1 << countBits)
                break;
        }

        if (version > 40)
            throw new ArgumentException("Too long for a QR code.", nameof(text));

        var codewords = AddEccAndInterleave(DataBits(data, version), version);
        var qr = new Grid(version);
        qr.DrawFunctionPatterns();
        qr.DrawCodewords(codewords);

        var best = -1;
        var bestPenalty = int.MaxValue;
        for (var mask = 0; mask < 8; mask++)
        {
            qr.ApplyMask(mask);
            qr.DrawFormatBits(mask);
            var penalty = qr.Penalty();
            if (penalty < bestPenalty)
            {
                best = mask;
                bestPenalty = penalty;
            }

            qr.ApplyMask(mask); // XOR again: undone
        }

        qr.ApplyMask(best);
        qr.DrawFormatBits(best);
        return qr.Modules;
    }

    private static byte[] DataBits(byte[] data, int version)
    {
        var capacity = DataCodewords(version) * 8;
        var bits = new List<bool>(capacity);
        void Append(int value, int length)
        {
            for (var i = length - 1; i >= 0; i--)
                bits.Add(((value >> i) & 1) != 0);
        }

        Append(0b0100, 4); // byte mode
        Append(data.Length, version <= 9 ? 8 : 16);
        foreach (var b in data)
            Append(b, 8);
        Append(0, Math.Min(4, capacity - bits.Count));
        Append(0, (8 - bits.Count % 8) % 8);
        for (var pad = 0xEC; bits.Count < capacity; pad ^= 0xEC ^ 0x11)
            Append(pad, 8);

        var result = new byte[bits.Count / 8];
        for (var i = 0; i < bits.Count; i++)
        {
            if (bits[i])
                result[i >> 3] |= (byte)(1 << (7 - (i & 7)));
        }

        return result;
    }

    private static byte[] AddEccAndInterleave(byte[] data, int version)
    {
        int blocks = Blocks[version], eccLength = EccPerBlock[version];
        var raw = RawDataModules(version) / 8;
        var shortBlocks = blocks - raw % blocks;
        var shortLength = raw / blocks;
        var divisor = Divisor(eccLength);

        var all = new List<byte[]>(blocks);
        for (int i = 0, k = 0; i < blocks; i++)
        {
            var length = shortLength - eccLength + (i < shortBlocks ? 0 : 1);
            var block = new byte[shortLength + 1];
            Array.Copy(data, k, block, 0, length);
            k += length;
            var ecc = Remainder(data.AsSpan(k - length, length), divisor);
            // Short blocks keep a hole where the long ones have their last data codeword.
            ecc.CopyTo(block, shortLength + 1 - eccLength);
            all.Add(block);
        }

        var result = new List<byte>(raw);
        for (var i = 0; i < shortLength + 1; i++)
        {
            for (var j = 0; j < all.Count; j++)
            {
                if (i != shortLength - eccLength || j >= shortBlocks)
                    result.Add(all[j][i]);
            }
        }

        return [.. result];
    }

    private static byte[] Divisor(int degree)
    {
        var result = new byte[degree];
        result[degree - 1] = 1;
        byte root = 1;
        for (var i = 0; i < degree; i++)
        {
            for (var j = 0; j < degree; j++)
            {
                result[j] = Multiply(result[j], root);
                if (j + 1 < degree)
                    result[j] ^= result[j + 1];
            }

            root = Multiply(root, 2);
        }

        return result;
    }

    private static byte[] Remainder(ReadOnlySpan<byte> data, byte[] divisor)
    {
        var result = new byte[divisor.Length];
        foreach (var b in data)
        {
            var factor = (byte)(b ^ result[0]);
            Array.Copy(result, 1, result, 0, result.Length - 1);
            result[^1] = 0;
            for (var i = 0; i < result.Length; i++)
                result[i] ^= Multiply(divisor[i], factor);
        }

        return result;
    }

    /// <summary>Product in GF(2^8) modulo x^8 + x^4 + x^3 + x^2 + 1.</summary>
    private static byte Multiply(byte x, byte y)
    {
        var z = 0;
        for (var i = 7; i >= 0; i--)
        {
            z = (z << 1) ^ ((z >> 7) * 0x11D);
            z ^= ((y >> i) & 1) * x;
        }

        return (byte)z;
    }

    private static int RawDataModules(int version)
    {
        var result = (16 * version + 128) * version + 64;
        if (version >= 2)
        {
            var align = version / 7 + 2;
            result -= (25 * align - 10) * align - 55;
            if (version >= 7)
                result -= 36;
        }

        return result;
    }

    private static int DataCodewords(int version) => RawDataModules(version) / 8 - EccPerBlock[version] * Blocks[version];

    private sealed class Grid
    {
        private readonly int _version;
        private readonly int _size;
        private readonly bool[,] _function;

        public Grid(int version)
        {
            _version = version;
            _size = version * 4 + 17;
            Modules = new bool[_size, _size];
            _function = new bool[_size, _size];
        }

        public bool[,] Modules { get; }

        public void DrawFunctionPatterns()
        {
            for (var i = 0; i < _size; i++)
            {
                Set(6, i, i % 2 == 0);
                Set(i, 6, i % 2 == 0);
            }

            Finder(3, 3);
            Finder(_size - 4, 3);
            Finder(3, _size - 4);

            var positions = AlignmentPositions();
            var last = positions.Length - 1;
            for (var i = 0; i <= last; i++)
            {
                for (var j = 0; j <= last; j++)
                {
                    if ((i == 0 && j == 0) || (i == 0 && j == last) || (i == last && j == 0))
                        continue;
                    for (var dy = -2; dy <= 2; dy++)
                    {
                        for (var dx = -2; dx <= 2; dx++)
                            Set(positions[i] + dx, positions[j] + dy, Math.Max(Math.Abs(dx), Math.Abs(dy)) != 1);
                    }
                }
            }

            DrawFormatBits(0); // reserves the area; redrawn with the chosen mask
            DrawVersion();
        }

        public void DrawCodewords(byte[] data)
        {
            var i = 0;
            for (var right = _size - 1; right >= 1; right -= 2)
            {
                if (right == 6)
                    right = 5;
                for (var vertical = 0; vertical < _size; vertical++)
                {
                    for (var j = 0; j < 2; j++)
                    {
                        var x = right - j;
                        var upward = ((right + 1) & 2) == 0;
                        var y = upward ? _size - 1 - vertical : vertical;
                        if (!_function[y, x] && i < data.Length * 8)
                        {
                            Modules[y, x] = ((data[i >> 3] >> (7 - (i & 7))) & 1) != 0;
                            i++;
                        }
                    }
                }
            }
        }

        public void ApplyMask(int mask)
        {
            for (var y = 0; y < _size; y++)
            {
                for (var x = 0; x < _size; x++)
                {
                    var invert = mask switch
                    {
                        0 => (x + y) % 2 == 0,
                        1 => y % 2 == 0,
                        2 => x % 3 == 0,
                        3 => (x + y) % 3 == 0,
                        4 => (x / 3 + y / 2) % 2 == 0,
                        5 => x * y % 2 + x * y % 3 == 0,
                        6 => (x * y % 2 + x * y % 3) % 2 == 0,
                        _ => ((x + y) % 2 + x * y % 3) % 2 == 0,
                    };
                    if (!_function[y, x] && invert)
                        Modules[y, x] = !Modules[y, x];
                }
            }
        }

        public void DrawFormatBits(int mask)
        {
            var data = (EccFormatBits << 3) | mask;
            var rem = data;
            for (var i = 0; i < 10; i++)
                rem = (rem << 1) ^ ((rem >> 9) * 0x537);
            var bits = ((data << 10) | rem) ^ 0x5412;
            bool Bit(int i) => ((bits >> i) & 1) != 0;

            for (var i = 0; i <= 5; i++)
                Set(8, i, Bit(i));
            Set(8, 7, Bit(6));
            Set(8, 8, Bit(7));
            Set(7, 8, Bit(8));
            for (var i = 9; i < 15; i++)
                Set(14 - i, 8, Bit(i));

            for (var i = 0; i < 8; i++)
                Set(_size - 1 - i, 8, Bit(i));
            for (var i = 8; i < 15; i++)
                Set(8, _size - 15 + i, Bit(i));
            Set(8, _size - 8, true); // the dark module
        }

        /// <summary>Rules 1, 2 and 4 of the standard's penalty (enough to avoid the worst masks).</summary>
        public int Penalty()
        {
            var result = 0;
            for (var a = 0; a < _size; a++)
            {
                int rowRun = 1, columnRun = 1;
                for (var b = 1; b < _size; b++)
                {
                    rowRun = Modules[a, b] == Modules[a, b - 1] ? rowRun + 1 : 1;
                    columnRun = Modules[b, a] == Modules[b - 1, a] ? columnRun + 1 : 1;
                    if (rowRun == 5)
                        result += 3;
                    else if (rowRun > 5)
                        result++;
                    if (columnRun == 5)
                        result += 3;
                    else if (columnRun > 5)
                        result++;
                }
            }

            var dark = 0;
            for (var y = 0; y < _size; y++)
            {
                for (var x = 0; x < _size; x++)
                {
                    if (Modules[y, x])
                        dark++;
                    if (x > 0 && y > 0 && Modules[y, x] == Modules[y - 1, x] && Modules[y, x] == Modules[y, x - 1] && Modules[y, x] == Modules[y - 1, x - 1])
                        result += 3;
                }
            }

            var total = _size * _size;
            var k = (Math.Abs(dark * 20 - total * 10) + total - 1) / total - 1;
            return result + Math.Max(0, k) * 10;
        }

        private void DrawVersion()
        {
            if (_version < 7)
                return;
            var rem = _version;
            for (var i = 0; i < 12; i++)
                rem = (rem << 1) ^ ((rem >> 11) * 0x1F25);
            var bits = (_version << 12) | rem;
            for (var i = 0; i < 18; i++)
            {
                var bit = ((bits >> i) & 1) != 0;
                var a = _size - 11 + i % 3;
                var b = i / 3;
                Set(a, b, bit);
                Set(b, a, bit);
            }
        }

        private void Finder(int x, int y)
        {
            for (var dy = -4; dy <= 4; dy++)
            {
                for (var dx = -4; dx <= 4; dx++)
                {
                    int xx = x + dx, yy = y + dy;
                    var distance = Math.Max(Math.Abs(dx), Math.Abs(dy));
                    if (xx >= 0 && xx < _size && yy >= 0 && yy < _size)
                        Set(xx, yy, distance != 2 && distance != 4);
                }
            }
        }

        private int[] AlignmentPositions()
        {
            if (_version == 1)
                return [];
            var count = _version / 7 + 2;
            var step = (_version * 8 + count * 3 + 5) / (count * 4 - 4) * 2;
            var result = new int[count];
            result[0] = 6;
            for (var i = 0; i < count - 1; i++)
                result[count - 1 - i] = _size - 7 - i * step;
            return result;
        }

        /// <summary>x is the column, y the row.</summary>
        private void Set(int x, int y, bool dark)
        {
            Modules[y, x] = dark;
            _function[y, x] = true;
        }
    }
}
