/**
 * The raw record of the dvc-2026 capture (one JSON file per procedure), parsed once at the boundary.
 * Every field is a string; "Không có thông tin" means "no information".
 */
import { z } from "zod";

export const rawRecord = z.object({
  ma_thu_tuc: z.string().regex(/^\d\.\d{6}$/),
  detail_url: z.url(),
  formality_id: z.string().optional(),
  ten_thu_tuc: z.string().min(1),
  so_quyet_dinh: z.string(),
  cap_thuc_hien: z.string(),
  loai_thu_tuc: z.string(),
  linh_vuc: z.string().min(1),
  doi_tuong_thuc_hien: z.string(),
  co_quan_co_tham_quyen: z.string(),
  dia_chi_tiep_nhan: z.string(),
  co_quan_duoc_uy_quyen: z.string(),
  co_quan_phoi_hop: z.string(),
  thu_tuc_lien_quan: z.string(),
  trinh_tu_thuc_hien: z.string(),
  cach_thuc_thuc_hien: z.string(),
  thanh_phan_ho_so: z.string(),
  can_cu_phap_ly: z.string(),
  co_quan_thuc_hien: z.string(),
  yeu_cau_dieu_kien: z.string(),
  ket_qua_xu_ly: z.string(),
  raw_text: z.string().optional(),
});

export type RawRecord = z.infer<typeof rawRecord>;
