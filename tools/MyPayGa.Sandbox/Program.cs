// Runs the MyPayGa sandbox alone: dotnet run --project tools/MyPayGa.Sandbox [-- --urls http://127.0.0.1:5099]
await MyPayGa.Sandbox.SandboxServer.BuildApp(args).RunAsync();
