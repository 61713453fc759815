using System.Diagnostics;

namespace ToonStudio.Deploy.Tests.Manifests;

/// <summary>Renders a kustomization with <c>kubectl kustomize</c> (kubectl ships with the machine image).</summary>
internal static class Kustomize
{
    public static async Task<string> BuildAsync(string directory)
    {
        var start = new ProcessStartInfo("kubectl", ["kustomize", directory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("kubectl did not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("kubectl is needed to render deploy/k8s (it has `kubectl kustomize`); install kubectl.", ex);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"kubectl kustomize {directory} failed: {await stderr}");
            }

            return await stdout;
        }
    }
}
