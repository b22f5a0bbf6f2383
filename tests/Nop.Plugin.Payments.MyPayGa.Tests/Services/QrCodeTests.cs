using System.Diagnostics;
using Nop.Plugin.Payments.MyPayGa.Services;
using NUnit.Framework;

namespace Nop.Plugin.Payments.MyPayGa.Tests.Services;

/// <summary>The payment link's QR code: what a phone's camera needs, checked by the standard's structure and by a real decoder.</summary>
[TestFixture]
public sealed class QrCodeTests
{
    private static readonly string[] Texts =
    [
        "A",
        "http://127.0.0.1:5099/payment/sharedLink/pay?token_url=AbCdEfGhIjKlMnOpQrSt",
        "https://www.mypayga.com/payment/sharedLink/pay?token_url=" + new string('x', 120),
        "Commande n°1042 – payée ✓",
        new string('q', 1200),
    ];

    [TestCase(1, 21)]
    [TestCase(14, 21)] // version 1-M holds 14 bytes
    [TestCase(15, 25)]
    [TestCase(84, 37)] // a sandbox link: version 5
    [TestCase(180, 53)] // version 9-M holds 180 bytes (version information blocks)
    [TestCase(181, 57)] // version 10: 16-bit length
    public void The_smallest_version_that_holds_the_text_is_chosen(int length, int size) =>
        Assert.That(QrCodeSvg.Encode(new string('a', length)).GetLength(0), Is.EqualTo(size));

    [Test]
    public void Finder_patterns_timing_and_the_dark_module_are_where_readers_look_for_them()
    {
        var m = QrCodeSvg.Encode(Texts[1]);
        var size = m.GetLength(0);
        foreach (var (x0, y0) in new[] { (0, 0), (size - 7, 0), (0, size - 7) })
        {
            for (var i = 0; i < 7; i++)
            {
                Assert.That(m[y0, x0 + i] && m[y0 + 6, x0 + i] && m[y0 + i, x0] && m[y0 + i, x0 + 6], Is.True, "finder ring");
                Assert.That(m[y0 + 2 + i % 3, x0 + 2 + i / 3 % 3], Is.True, "finder centre");
            }
        }

        for (var i = 8; i < size - 8; i++)
            Assert.That(m[6, i], Is.EqualTo(i % 2 == 0), "timing");
        Assert.That(m[size - 8, 8], Is.True, "dark module");
    }

    [Test]
    public void Both_copies_of_the_format_information_say_level_M_and_agree()
    {
        var m = QrCodeSvg.Encode(Texts[1]);
        var size = m.GetLength(0);
        var first = 0;
        int[] rows = [0, 1, 2, 3, 4, 5, 7, 8];
        for (var i = 0; i < 8; i++)
            first |= (m[rows[i], 8] ? 1 : 0) << i;
        first |= (m[8, 7] ? 1 : 0) << 8;
        for (var i = 9; i < 15; i++)
            first |= (m[8, 14 - i] ? 1 : 0) << i;
        var second = 0;
        for (var i = 0; i < 8; i++)
            second |= (m[8, size - 1 - i] ? 1 : 0) << i;
        for (var i = 8; i < 15; i++)
            second |= (m[size - 15 + i, 8] ? 1 : 0) << i;

        Assert.That(second, Is.EqualTo(first));
        var data = (first ^ 0x5412) >> 10;
        Assert.That(data >> 3, Is.EqualTo(0), "error correction level M");
    }

    [Test]
    public void The_svg_has_a_quiet_zone_and_draws_only_squares()
    {
        var svg = QrCodeSvg.Render("A");
        Assert.That(svg, Does.StartWith("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 29 29\""));
        Assert.That(svg, Does.Not.Contain("<script").And.Not.Contain("href"));
    }

    /// <summary>The real test: a QR reader (zbarimg, what CI installs) reads back every text from the rendered SVG.</summary>
    [Test]
    public void A_real_reader_reads_back_every_text()
    {
        if (!File.Exists("/usr/bin/zbarimg") || !File.Exists("/usr/bin/rsvg-convert"))
            Assert.Ignore("zbarimg and rsvg-convert are not installed (apt-get install zbar-tools librsvg2-bin); .ci/run installs them.");

        var folder = Directory.CreateTempSubdirectory("mypayga-qr-");
        try
        {
            for (var i = 0; i < Texts.Length; i++)
            {
                var svg = Path.Combine(folder.FullName, $"{i}.svg");
                var png = Path.Combine(folder.FullName, $"{i}.png");
                File.WriteAllText(svg, QrCodeSvg.Render(Texts[i]));
                Run("/usr/bin/rsvg-convert", "-w", "800", svg, "-o", png);
                Assert.That(Run("/usr/bin/zbarimg", "--raw", "-q", png).TrimEnd('\n'), Is.EqualTo(Texts[i]));
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        Assert.That(process.WaitForExit(30_000), Is.True, program);
        return output;
    }
}
