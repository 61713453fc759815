using ToonStudio.Server.Core;
using ToonStudio.Server.Errors;

namespace ToonStudio.Server.Ops.Metrics;

/// <summary>
/// Counts requests the generation endpoints refuse before a job exists (<c>toonstudio_intake_rejections_total</c>
/// by catalog code: bad fields, unsupported or oversized images, an engine without its key …), then lets the
/// exception go on to the problem-details handler.
/// </summary>
public sealed class IntakeRejectionFilter(ToonStudioMetrics metrics) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (ToonStudioException e)
        {
            metrics.IntakeRejected(e.Code);
            throw;
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            metrics.IntakeRejected(ErrorCode.ImageTooLarge);
            throw;
        }
    }
}
