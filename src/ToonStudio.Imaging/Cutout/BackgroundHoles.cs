namespace ToonStudio.Imaging.Cutout;

/// <summary>
/// Opens holes: background the border flood could not reach because the subject encloses it (the space
/// inside a bag's handle). Used for products only — in a character, an enclosed area of background colour
/// is usually part of the drawing (a white shirt inside its outline) and must stay.
/// </summary>
internal static class BackgroundHoles
{
    public static void Clear(byte[] mask, LabImage lab, BorderStatistics border, int minArea)
    {
        int w = lab.Width, h = lab.Height;
        var tolerance = Math.Max(10f, border.Spread * 2f + 3f * border.StepNoise);
        var seen = new bool[mask.Length];
        var stack = new Stack<int>();
        var component = new List<int>();
        for (var start = 0; start < mask.Length; start++)
        {
            if (seen[start] || !Candidate(start))
            {
                continue;
            }

            component.Clear();
            seen[start] = true;
            stack.Push(start);
            while (stack.Count > 0)
            {
                var p = stack.Pop();
                component.Add(p);
                int x = p % w, y = p / w;
                if (x > 0)
                { Push(p - 1); }
                if (x < w - 1)
                { Push(p + 1); }
                if (y > 0)
                { Push(p - w); }
                if (y < h - 1)
                { Push(p + w); }
            }

            if (component.Count >= minArea)
            {
                foreach (var p in component)
                {
                    mask[p] = 0;
                }
            }
        }

        bool Candidate(int i) => mask[i] != 0 && lab.Distance(i, border.L, border.A, border.B) <= tolerance;

        void Push(int q)
        {
            if (!seen[q] && Candidate(q))
            {
                seen[q] = true;
                stack.Push(q);
            }
        }
    }
}
