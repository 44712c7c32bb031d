// The document's header and closing fields: organs and their short forms, number, signers, addressee, date,
// variant, 抄送, 印发 — everything but the body and the metrics.
import { useContext } from 'preact/hooks';
import { getAt, isObj } from './data.ts';
import { Editor, Msgs, SelectField, StringList, TextField } from './fields.tsx';

function Organs() {
  const { data, update } = useContext(Editor);
  const raw = getAt(data, ['issuingOrgans']);
  const organs = Array.isArray(raw) ? raw : [];
  return (
    <div class="field wide" data-field="issuingOrgans">
      <span class="label">发文机关（联合行文可加多个）</span>
      {organs.map((_, i) => (
        <div class="row organ">
          <TextField label="全称（落款）" path={['issuingOrgans', i, 'name']} />
          <TextField label="简称（版头）" path={['issuingOrgans', i, 'short']} placeholder="同全称" />
          <TextField label="印章图片" path={['issuingOrgans', i, 'seal']} placeholder="无" />
          <button type="button" class="icon danger" title="删除" disabled={organs.length <= 1} onClick={() => update(['issuingOrgans'], organs.filter((_, j) => j !== i))}>
            ✕
          </button>
        </div>
      ))}
      <button type="button" class="add" onClick={() => update(['issuingOrgans'], [...organs, { name: '' }])}>
        ＋ 发文机关
      </button>
      <Msgs path={['issuingOrgans']} />
    </div>
  );
}

function DocNumberField() {
  const { data } = useContext(Editor);
  const v = getAt(data, ['docNumber']);
  if (!isObj(v)) return <TextField label="发文字号" path={['docNumber']} placeholder="如 岔政发〔2024〕5号（未编号可留空）" />;
  return (
    <div class="field" data-field="docNumber">
      <span class="label">发文字号</span>
      <div class="row">
        <TextField label="机关代字" path={['docNumber', 'prefix']} />
        <TextField label="年份" path={['docNumber', 'year']} numeric />
        <TextField label="序号" path={['docNumber', 'seq']} numeric placeholder="未编" />
      </div>
      <Msgs path={['docNumber']} />
    </div>
  );
}

export function HeaderForm() {
  return (
    <div class="form">
      <div class="grid2">
        <TextField label="乡镇（街道）" path={['township']} />
        <TextField label="县（市、区）" path={['county']} />
        <TextField label="年度" path={['year']} numeric />
        <SelectField
          label="版式"
          path={['variant']}
          options={[
            ['file-up', '上行文（红头，签发人）'],
            ['file-down', '下行文'],
            ['plain', '公开版（无版头、无印章）'],
          ]}
        />
      </div>
      <Organs />
      <div class="grid2">
        <DocNumberField />
        <TextField label="主送机关" path={['addressee']} placeholder="如 县委、县政府" />
        <TextField label="成文日期" path={['date']} placeholder="YYYY-MM-DD，如 2024-01-25" />
        <TextField label="标题" path={['title']} placeholder="默认：××镇××年度法治政府建设情况报告" wide />
      </div>
      <StringList label="签发人" path={['signers']} addLabel="签发人" />
      <StringList label="抄送" path={['cc']} addLabel="抄送机关" />
      <div class="grid2">
        <TextField label="印发机关" path={['printer', 'organ']} />
        <TextField label="印发日期" path={['printer', 'date']} placeholder="YYYY-MM-DD" />
        <TextField label="附注：联系人" path={['note', 'contact']} />
        <TextField label="附注：电话" path={['note', 'phone']} />
      </div>
      <Msgs path={['printer']} />
      <Msgs path={['note']} />
    </div>
  );
}
