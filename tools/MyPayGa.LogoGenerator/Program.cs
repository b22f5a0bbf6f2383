using MyPayGa.LogoGenerator;

// Usage: dotnet run --project tools/MyPayGa.LogoGenerator -- <output.png> [size]
var output = args.Length > 0 ? args[0] : "logo.png";
var size = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 128;
var pixels = LogoPainter.Paint(size);
File.WriteAllBytes(output, PngWriter.Encode(size, size, pixels));
Console.WriteLine($"wrote {output} ({size}x{size})");
