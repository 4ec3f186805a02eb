namespace VlassPS.Core.Fields;

/// <summary>How fields are chosen (domain.md §11).</summary>
public enum FieldSelectionMethod
{
    /// <summary>
    /// The current NRAO pipeline rule: names 0*,"0*,1*,"1*,2*,"2*,T*,"T* (shell-style, against the name as the pipeline
    /// quotes it: <see cref="Casa.MsField.CasaName"/>), intent TARGET (the pipeline's VLA OBS_MODE mapping) when intents are
    /// known, tangent-frame offsets |Δlon| &lt; h_x and |Δlat| &lt; h_y (strict), h = science size/2 + R_g.
    /// </summary>
    Pipeline,

    /// <summary>
    /// The Memo 20 script (carlson_editimlist_prep): names ^0|^1|^2, no intent filter,
    /// |ΔRA wrapped|·cos δ_field ≤ d_x and |ΔDec| ≤ d_y with d = science size/2 + R_g (R_g = 1000″ in the memo).
    /// </summary>
    Memo20,
}
