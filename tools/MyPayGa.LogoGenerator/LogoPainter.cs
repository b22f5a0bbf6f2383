namespace MyPayGa.LogoGenerator;

/// <summary>
/// Paints the logo: a rounded square in Gabon's green, yellow and blue bands, a white phone
/// (mobile money) overlapping a white card (Visa/Mastercard), and a coin mark on the phone's screen.
/// Shapes are signed-distance functions in a 0..1 square, sampled 4x4 per pixel for smooth edges.
/// </summary>
public static class LogoPainter
{
    private readonly record struct Rgba(double R, double G, double B, double A);

    private static readonly Rgba Green = new(0x00, 0x9E, 0x60, 1);
    private static readonly Rgba Yellow = new(0xFC, 0xD1, 0x16, 1);
    private static readonly Rgba Blue = new(0x3A, 0x75, 0xC4, 1);
    private static readonly Rgba White = new(0xFF, 0xFF, 0xFF, 1);
    private static readonly Rgba Ink = new(0x1B, 0x2A, 0x3A, 1);
    private static readonly Rgba Clear = new(0, 0, 0, 0);

    public static byte[] Paint(int size)
    {
        const int samples = 4;
        var rgba = new byte[size * size * 4];
        for (var py = 0; py < size; py++)
        {
            for (var px = 0; px < size; px++)
            {
                double r = 0, g = 0, b = 0, a = 0;
                for (var sy = 0; sy < samples; sy++)
                {
                    for (var sx = 0; sx < samples; sx++)
                    {
                        var x = (px + (sx + 0.5) / samples) / size;
                        var y = (py + (sy + 0.5) / samples) / size;
                        var c = Sample(x, y);
                        // premultiplied accumulation
                        r += c.R * c.A; g += c.G * c.A; b += c.B * c.A; a += c.A;
                    }
                }
                var i = (py * size + px) * 4;
                var n = samples * samples;
                rgba[i + 3] = ToByte(a / n * 255);
                if (a > 0)
                {
                    rgba[i] = ToByte(r / a);
                    rgba[i + 1] = ToByte(g / a);
                    rgba[i + 2] = ToByte(b / a);
                }
            }
        }
        return rgba;
    }

    private static byte ToByte(double v) => (byte)Math.Clamp(Math.Round(v), 0, 255);

    private static Rgba Sample(double x, double y)
    {
        // Background: rounded square with three horizontal bands.
        if (RoundedBox(x, y, 0.5, 0.5, 0.48, 0.48, 0.12) > 0) return Clear;
        var color = y < 0.36 ? Green : y < 0.64 ? Yellow : Blue;

        // Card, tilted slightly, behind the phone.
        var (cx, cy) = Rotate(x - 0.60, y - 0.56, -0.22);
        if (RoundedBox(cx, cy, 0, 0, 0.25, 0.16, 0.035) <= 0)
        {
            color = White;
            if (cy > -0.10 && cy < -0.05) color = Ink;                                   // magnetic stripe
            if (RoundedBox(cx, cy, -0.13, 0.04, 0.045, 0.035, 0.01) <= 0) color = Yellow; // chip
        }

        // Phone: outlined body, screen, coin.
        var body = RoundedBox(x, y, 0.34, 0.50, 0.15, 0.27, 0.05);
        if (body <= 0)
        {
            color = Ink;
            if (RoundedBox(x, y, 0.34, 0.48, 0.12, 0.20, 0.02) <= 0) color = White;       // screen
            var coin = Math.Sqrt(Sq(x - 0.34) + Sq(y - 0.48)) - 0.075;
            if (coin <= 0) color = Green;
            if (coin <= 0 && Math.Abs(x - 0.34) < 0.012 && Math.Abs(y - 0.48) < 0.045) color = White; // coin mark
            if (Math.Sqrt(Sq(x - 0.34) + Sq(y - 0.725)) < 0.018) color = White;           // button
        }
        return color;
    }

    private static double Sq(double v) => v * v;

    private static (double X, double Y) Rotate(double x, double y, double angle) =>
        (x * Math.Cos(angle) - y * Math.Sin(angle), x * Math.Sin(angle) + y * Math.Cos(angle));

    /// <summary>Signed distance to a rounded box centred on (cx, cy) with half sizes (hx, hy).</summary>
    private static double RoundedBox(double x, double y, double cx, double cy, double hx, double hy, double radius)
    {
        var qx = Math.Abs(x - cx) - hx + radius;
        var qy = Math.Abs(y - cy) - hy + radius;
        var outside = Math.Sqrt(Sq(Math.Max(qx, 0)) + Sq(Math.Max(qy, 0)));
        return outside + Math.Min(Math.Max(qx, qy), 0) - radius;
    }
}
